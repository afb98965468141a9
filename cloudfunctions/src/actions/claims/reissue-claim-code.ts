import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, version } from '../../api/validation';
import { authorizeCaseAction } from '../../application/access';
import { loadCase, saveCase } from '../../application/cases';
import { issueClaimCode, updateClaimCode } from '../../application/claims';
import { renderReceipt } from '../../application/registration-receipt';

/**
 * An officer of the section issues a new claim code for a registered case nobody has claimed yet: the old one was
 * lost, expired or locked by wrong answers. The previous code stops working; the audit records the re-issue. A new
 * printable receipt carries the new code.
 */
export const reissueClaimCode = defineAction({
  name: 'reissueClaimCode',
  schema: () => z.strictObject({ caseId: idString(), version: version() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, ref) {
    const c = await loadCase(ctx, ref.caseId);
    authorizeCaseAction(ctx.caller, c, 'reissueClaimCode', ref.version);
    const previous = c.registration!.claimCodeHash;
    const { ticket, hash } = await issueClaimCode(ctx, c._id);
    // A new receipt with the new code replaces the old one (whose code stops working).
    const receiptFileId = await renderReceipt(ctx, c, c.registration!.receivedAt, ticket, true);
    await saveCase(ctx, c, { ...c, registration: { ...c.registration!, claimCodeHash: hash, claimExpiresAt: ticket.expiresAt, receiptFileId } }, {
      action: 'reissueClaimCode',
    });
    await updateClaimCode(ctx, previous, (r) => ({ ...r, revokedAt: r.revokedAt ?? ctx.now.toISOString() }));
    return ticket;
  },
});
