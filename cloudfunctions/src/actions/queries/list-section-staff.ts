import * as z from 'zod';
import { defineAction } from '../../api/action';
import type { UserRecord } from '../../api/context';
import { AppError } from '../../api/errors';
import { toUserView } from '../identity/user-view';

/** The officers of the caller's section, for a section head choosing whom to reassign to. */
export const listSectionStaff = defineAction({
  name: 'listSectionStaff',
  schema: z.strictObject({}),
  callers: ['sectionHead', 'admin'],
  mutates: false,
  async handle(ctx) {
    if (!ctx.caller.sectionCode) throw new AppError('FORBIDDEN', '您尚未分配到审批科室');
    const users = await ctx.store.find<UserRecord>('users', { where: { sectionCode: ctx.caller.sectionCode }, orderBy: [['name', 'asc']], limit: 200 });
    return users.filter((u) => u.roles.includes('staff')).map(toUserView);
  },
});
