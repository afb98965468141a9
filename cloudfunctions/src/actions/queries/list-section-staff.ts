import * as z from 'zod';
import { defineAction } from '../../api/action';
import type { UserRecord } from '../../api/context';
import { AppError } from '../../api/errors';
import { toUserView } from '../identity/user-view';

/**
 * The officers of a section, for choosing whom to reassign to: a section head's own section, or for an admin (who
 * belongs to no section) the section named, which is the case's.
 */
export const listSectionStaff = defineAction({
  name: 'listSectionStaff',
  schema: () => z.strictObject({ sectionCode: z.string().regex(/^[A-Z0-9-]{2,32}$/, { message: '科室编码格式不正确' }).optional() }),
  callers: ['sectionHead', 'admin'],
  mutates: false,
  async handle(ctx, { sectionCode: asked }) {
    const own = ctx.caller.roles.has('sectionHead') ? ctx.caller.sectionCode : undefined;
    const admin = ctx.caller.roles.has('admin');
    if (asked && asked !== own && !admin) throw new AppError('FORBIDDEN', '只能查看本科室的工作人员');
    const sectionCode = asked ?? own;
    if (!sectionCode) throw new AppError(admin ? 'VALIDATION' : 'FORBIDDEN', admin ? '请指明要查看哪个科室的工作人员' : '您尚未分配到审批科室');
    const users = await ctx.store.find<UserRecord>('users', { where: { sectionCode }, orderBy: [['name', 'asc']], limit: 200 });
    return users.filter((u) => u.roles.includes('staff')).map(toUserView);
  },
});
