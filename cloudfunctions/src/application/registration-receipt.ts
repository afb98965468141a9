import type { ClaimTicket } from '../../../typings/api';
import type { ActionContext } from '../api/context';
import type { CaseRecord } from '../domain/case';
import { CHANNEL_LABELS } from './views';

/**
 * Renders the printable receipt with the claim code just issued (the code is kept only as a hash afterwards, so
 * the receipt is made now or never) and answers its file id for the case to keep.
 */
export async function renderReceipt(
  ctx: ActionContext,
  c: Pick<CaseRecord, 'number' | 'matterName' | 'company' | 'channel'> & { _id: string },
  receivedAt: string,
  ticket: ClaimTicket,
  reissued = false,
): Promise<string> {
  const { fileId } = await ctx.pdf.render({
    kind: 'registrationReceipt', caseId: c._id, pathPrefix: `cases/${c._id}/receipt/${c.number}`,
    receipt: {
      caseNumber: c.number, matterName: c.matterName, companyName: c.company.name, channelLabel: CHANNEL_LABELS[c.channel],
      receivedAt, officeName: ctx.config.officeName, claimCode: ticket.code, claimExpiresAt: ticket.expiresAt,
      ...(ticket.link ? { claimLink: ticket.link } : {}), ...(reissued ? { reissuedAt: ctx.now.toISOString() } : {}),
    },
  });
  return fileId;
}
