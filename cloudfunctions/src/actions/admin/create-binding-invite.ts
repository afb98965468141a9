import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { reasonText, text } from '../../api/validation';
import { writeAudit } from '../../application/audit';
import { inviteId } from '../../application/invites';
import { type RoleGrant, grantProblem } from '../../application/roles';
import { grantedRoles, orgCode } from '../identity/grant-roles';

export const BINDING_HOURS = 72;
export const BINDING_PAGE = 'pages/bind-account/bind-account';

/** A one-time binding link in `bindingInvites`, stored under the token's hash. */
export interface BindingInviteRecord extends RoleGrant {
  createdBy: string;
  createdByName: string;
  createdAt: string;
  expiresAt: string;
  usedBy?: string;
  usedAt?: string;
}

/**
 * The admin adds an officer: openids cannot be typed, so the admin sends a one-time link (a share card or a QR code
 * of the page) that the person opens in WeChat; opening it grants the roles chosen here.
 */
export const createBindingInvite = defineAction({
  name: 'createBindingInvite',
  schema: () => z.strictObject({
    name: text(30),
    roles: grantedRoles().min(1, { message: '请至少选择一个角色' }),
    sectionCode: orgCode().optional(),
    sectorCode: orgCode().optional(),
    reason: reasonText(),
  }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, grant) {
    const problem = grantProblem(grant);
    if (problem) throw new AppError('VALIDATION', problem);
    const token = ctx.ids.randomHex(16);
    const id = inviteId(token);
    const expiresAt = new Date(ctx.now.getTime() + BINDING_HOURS * 3_600_000).toISOString();
    const record: BindingInviteRecord = { ...grant, roles: [...new Set(grant.roles)], createdBy: ctx.caller.openid, createdByName: ctx.caller.name, createdAt: ctx.now.toISOString(), expiresAt };
    if (!(await ctx.store.insert('bindingInvites', id, record))) throw new AppError('CONFLICT', '请重试');
    await writeAudit(ctx, `bindingInvites/${id}:1`, { action: 'createBindingInvite', subject: `bindingInvites/${id}`, note: `${grant.name}：${record.roles.join(',')}；理由：${grant.reason}` });
    return { token, path: `${BINDING_PAGE}?token=${token}`, expiresAt };
  },
});
