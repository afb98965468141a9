import * as z from 'zod';
import { defineAction } from '../../api/action';
import type { UserRecord } from '../../api/context';
import { pageQuery } from '../../api/validation';
import { toUserView } from './user-view';

/** The admin's list of people with roles. */
export const listUsers = defineAction({
  name: 'listUsers',
  schema: z.strictObject(pageQuery),
  callers: ['admin'],
  mutates: false,
  async handle(ctx, { offset = 0, limit = 50 }) {
    const [users, total] = await Promise.all([
      ctx.store.find<UserRecord>('users', { orderBy: [['name', 'asc']], offset, limit }),
      ctx.store.count('users'),
    ]);
    return { items: users.map(toUserView), total, offset, limit };
  },
});
