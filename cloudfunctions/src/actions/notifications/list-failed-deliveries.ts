import * as z from 'zod';
import type { FailedDelivery } from '../../../../typings/models';
import type { OutboxMessage } from '../../adapters/outbox-notifier';
import { defineAction } from '../../api/action';
import type { UserRecord } from '../../api/context';
import { pageQuery } from '../../api/validation';

/** Admin: subscription messages given up after their retries, or refused as unsendable, newest first (index by_status). */
export const listFailedDeliveries = defineAction({
  name: 'listFailedDeliveries',
  schema: () => z.strictObject(pageQuery()),
  callers: ['admin'],
  mutates: false,
  async handle(ctx, { offset = 0, limit = 20 }) {
    const where = { status: 'failed' };
    const [messages, total] = await Promise.all([
      ctx.store.find<OutboxMessage>('outbox', { where, orderBy: [['nextAttemptAt', 'desc']], offset, limit }),
      ctx.store.count('outbox', where),
    ]);
    const names = new Map<string, string>();
    for (const to of new Set(messages.map((m) => m.to))) names.set(to, (await ctx.store.get<UserRecord>('users', to))?.name || '申请人');
    const items = messages.map((m): FailedDelivery => ({
      id: m._id,
      event: m.event,
      title: m.title,
      recipientName: names.get(m.to)!,
      ...(m.caseId ? { caseId: m.caseId } : {}),
      ...(m.templateKey ? { templateKey: m.templateKey } : {}),
      attempts: m.attempts,
      errorCode: m.outcome?.code ?? 0,
      errorMessage: m.outcome?.message ?? '',
      createdAt: m.createdAt,
      failedAt: m.outcome?.at ?? m.nextAttemptAt,
    }));
    return { items, total, offset, limit };
  },
});
