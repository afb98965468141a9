import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString } from '../../api/validation';
import { authorizeCaseAction } from '../../application/access';
import { writeAudit } from '../../application/audit';
import { loadCase } from '../../application/cases';
import { type GroupInviteRecord, INVITE_HOURS, inviteId, MAX_CONTACTS } from '../../application/invites';

/**
 * The applicant invites an on-site contact 现场联系人 with a share card: the card carries a random token that works
 * once and for 24 hours.
 */
export const inviteContact = defineAction({
  name: 'inviteContact',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { caseId }) {
    const c = await loadCase(ctx, caseId);
    authorizeCaseAction(ctx.caller, c, 'inviteContact', c._version);
    if ((c.contactIds?.length ?? 0) >= MAX_CONTACTS) throw new AppError('LIMIT', `每件最多邀请${MAX_CONTACTS}名现场联系人`);
    const token = ctx.ids.randomHex(16);
    const expiresAt = new Date(ctx.now.getTime() + INVITE_HOURS * 3600_000).toISOString();
    const invite: GroupInviteRecord = { caseId: c._id, createdBy: ctx.caller.openid, createdAt: ctx.now.toISOString(), expiresAt };
    const id = inviteId(token);
    await ctx.store.insert('groupInvites', id, invite);
    await writeAudit(ctx, `groupInvites/${id}`, { action: 'inviteContact', subject: `groupInvites/${id}`, caseId: c._id });
    return { token, expiresAt, label: c.groupLabel ?? '' };
  },
});
