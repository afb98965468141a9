import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { groupInUse, relationTo } from '../../application/access';
import { loadCase, saveCase } from '../../application/cases';
import { toGroupView } from '../../application/group';
import { type GroupInviteRecord, inviteId, MAX_CONTACTS } from '../../application/invites';

const used = () => new AppError('INVALID_STATE', '该邀请已被使用，请让申请人重新邀请');
const ATTEMPTS = 5;

/**
 * The invited person opens the share card and joins the group as an on-site contact. The invite is spent by
 * compare-and-set, so of two people opening the same card at once only one joins. Someone already in the group
 * leaves the invite unspent.
 */
export const joinGroupByInvite = defineAction({
  name: 'joinGroupByInvite',
  schema: () => z.strictObject({ token: z.string().regex(/^[0-9a-f]{32}$/, { message: '邀请无效' }) }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { token }) {
    const id = inviteId(token);
    const invite = await ctx.store.get<GroupInviteRecord>('groupInvites', id);
    if (!invite) throw new AppError('NOT_FOUND', '邀请无效，请让申请人重新邀请');
    let c = await loadCase(ctx, invite.caseId);
    if (invite.usedBy === ctx.caller.openid) return toGroupView(ctx, c);
    if (invite.usedBy) throw used();
    if (Date.parse(invite.expiresAt) <= ctx.now.getTime()) throw new AppError('INVALID_STATE', '邀请已过期，请让申请人重新邀请');
    if (!groupInUse(c)) throw new AppError('INVALID_STATE', '该办件的踏勘群已关闭');
    const r = relationTo(ctx.caller, c);
    if (r.applicant || r.contact || r.handler || r.observer) return toGroupView(ctx, c);
    if ((c.contactIds?.length ?? 0) >= MAX_CONTACTS) throw new AppError('LIMIT', `每件最多${MAX_CONTACTS}名现场联系人`);

    const { _id, _version, ...rest } = invite;
    const spent: GroupInviteRecord = { ...rest, usedBy: ctx.caller.openid, usedAt: ctx.now.toISOString() };
    if ((await ctx.store.replace('groupInvites', _id, _version, spent)) === null) throw used();
    // A contact new to the Mini Program has no name yet: the timeline names them by their part, not as 申请人.
    const asContact = { ...ctx, caller: { ...ctx.caller, name: ctx.caller.name || '现场联系人' } };
    // The invite is spent: joining must not be lost to a concurrent change of the case, so it is retried.
    for (let attempt = 1; ; attempt++) {
      try {
        c = await saveCase(asContact, c, { ...c, contactIds: [...(c.contactIds ?? []), ctx.caller.openid] }, { action: 'joinGroupByInvite' });
        return toGroupView(ctx, c);
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'CONFLICT') || attempt >= ATTEMPTS) throw e;
        c = await loadCase(ctx, invite.caseId);
      }
    }
  },
});
