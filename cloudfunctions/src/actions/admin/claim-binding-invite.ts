import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { inviteId } from '../../application/invites';
import { applyGrant } from '../../application/roles';
import { toUserView } from '../identity/user-view';
import type { BindingInviteRecord } from './create-binding-invite';

/**
 * The invited person opens the binding link in WeChat: their OPENID gets the roles the admin chose. The link is
 * spent by compare-and-set before the roles are granted, so it binds one person once.
 */
export const claimBindingInvite = defineAction({
  name: 'claimBindingInvite',
  schema: () => z.strictObject({ token: z.string().regex(/^[0-9a-f]{32}$/, { message: '邀请链接无效' }) }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { token }) {
    const id = inviteId(token);
    const invite = await ctx.store.get<BindingInviteRecord>('bindingInvites', id);
    if (!invite) throw new AppError('NOT_FOUND', '邀请链接无效，请向管理员重新索取');
    if (invite.usedBy) throw new AppError('INVALID_STATE', invite.usedBy === ctx.caller.openid ? '您已通过此链接完成绑定' : '此邀请链接已被使用，请向管理员重新索取');
    if (Date.parse(invite.expiresAt) <= ctx.now.getTime()) throw new AppError('INVALID_STATE', '邀请链接已过期，请向管理员重新索取');
    const { _id, _version, ...body } = invite;
    const spent = await ctx.store.replace('bindingInvites', id, _version, { ...body, usedBy: ctx.caller.openid, usedAt: ctx.now.toISOString() });
    if (spent === null) throw new AppError('INVALID_STATE', '此邀请链接已被使用，请向管理员重新索取');
    const { name, roles, sectionCode, sectorCode, reason } = invite;
    // The invite's roles are added to any the person already has.
    const merged = [...new Set([...ctx.caller.roles, ...roles])];
    // A section or sector the invite does not name stays as the person had it (a regulator invited as staff too).
    const saved = await applyGrant(ctx, ctx.caller.openid, {
      name, roles: merged, sectionCode: sectionCode ?? ctx.caller.sectionCode, sectorCode: sectorCode ?? ctx.caller.sectorCode,
      reason: `${reason}（${invite.createdByName}发出的绑定链接）`,
    }, 'claimBindingInvite');
    return toUserView(saved);
  },
});
