import * as z from 'zod';
import type { RegulatorInboxEntry } from '../../../../typings/models';
import { defineAction } from '../../api/action';
import type { ActionContext } from '../../api/context';
import { pageQuery } from '../../api/validation';
import { type RegulatorInboxRecord, pushNoticeId } from '../../application/archive';
import type { OutboxMessage } from '../../adapters/outbox-notifier';
import { OUTCOME_LABELS } from '../../domain/inspection';

/** A regulator's inbox: the decided cases pushed to their own sector, newest first, with how the notices went (R15). */
export const listRegulatorInbox = defineAction({
  name: 'listRegulatorInbox',
  schema: () => z.strictObject({ ...pageQuery() }),
  callers: ['regulator'],
  mutates: false,
  async handle(ctx, { offset = 0, limit = 20 }) {
    const sectorCode = ctx.caller.sectorCode;
    if (!sectorCode) return { items: [], total: 0, offset, limit };
    const [entries, total] = await Promise.all([
      ctx.store.find<RegulatorInboxRecord>('regulatorInbox', { where: { sectorCode }, orderBy: [['pushedAt', 'desc']], offset, limit }),
      ctx.store.count('regulatorInbox', { sectorCode }),
    ]);
    return { items: await Promise.all(entries.map((e) => toInboxEntry(ctx, e))), total, offset, limit };
  },
});

async function toInboxEntry(ctx: ActionContext, e: RegulatorInboxRecord): Promise<RegulatorInboxEntry> {
  const delivery = { recipients: e.recipients.length, sent: 0, pending: 0, inboxOnly: 0, failed: 0 };
  for (const openid of e.recipients) {
    const status = (await ctx.store.get<OutboxMessage>('outbox', pushNoticeId(e.caseId, openid)))?.status;
    if (status === 'sent' || status === 'inboxOnly' || status === 'failed') delivery[status]++;
    else delivery.pending++;
  }
  return {
    caseId: e.caseId, number: e.number, matterName: e.matterName, companyName: e.companyName,
    outcome: e.outcome, outcomeLabel: OUTCOME_LABELS[e.outcome], decidedAt: e.decidedAt, pushedAt: e.pushedAt, delivery,
  };
}
