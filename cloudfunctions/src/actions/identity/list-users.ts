import * as z from 'zod';
import { defineAction } from '../../api/action';
import type { UserRecord } from '../../api/context';
import { pageQuery } from '../../api/validation';
import { findAll } from '../../application/find-all';
import { toUserView } from './user-view';

/**
 * The admin's list of the people who have opened the Mini Program or were granted a role, by name; a search by
 * part of the name and a role narrow it. An office has hundreds of people, not millions: filtered in memory.
 */
export const listUsers = defineAction({
  name: 'listUsers',
  schema: () => z.strictObject({
    ...pageQuery(),
    search: z.string().trim().max(30).optional(),
    role: z.enum(['staff', 'sectionHead', 'supervisor', 'regulator', 'admin', 'none']).optional(),
  }),
  callers: ['admin'],
  mutates: false,
  async handle(ctx, { offset = 0, limit = 50, search, role }) {
    const all = await findAll<UserRecord>(ctx.store, 'users', { orderBy: [['name', 'asc'], ['_id', 'asc']] });
    const wanted = all.filter((u) =>
      (!search || u.name.toLowerCase().includes(search.toLowerCase())) &&
      (!role || (role === 'none' ? u.roles.length === 0 : u.roles.includes(role))));
    return { items: wanted.slice(offset, offset + limit).map(toUserView), total: wanted.length, offset, limit };
  },
});
