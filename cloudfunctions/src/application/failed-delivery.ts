import type { OutboxMessage } from '../adapters/outbox-notifier';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import { writeAudit } from './audit';

/**
 * The admin's answer to a failed delivery, by compare-and-set on the message: sent again from the first attempt, or
 * dismissed. Only a message still failed may be handled, so two admins cannot both act on it.
 */
export async function handleFailedDelivery(ctx: ActionContext, id: string, action: 'retry' | 'dismiss', note?: string): Promise<void> {
  const m = await ctx.store.get<OutboxMessage>('outbox', id);
  if (!m) throw new AppError('NOT_FOUND', '未找到该消息');
  if (m.status !== 'failed') throw new AppError('INVALID_STATE', '该消息已处理，请刷新列表');
  const at = ctx.now.toISOString();
  const handled = { action, by: ctx.caller.openid, byName: ctx.caller.name, at, ...(note ? { note } : {}) };
  const { _id, _version, ...doc } = m;
  const next: OutboxMessage = action === 'retry'
    ? { ...doc, status: 'pending', attempts: 0, nextAttemptAt: at, handled }
    : { ...doc, status: 'dismissed', handled };
  const version = await ctx.store.replace('outbox', id, _version, next);
  if (version === null) throw new AppError('CONFLICT', '该消息刚被他人处理，请刷新列表');
  await writeAudit(ctx, `outbox/${id}:${version}`, {
    action: action === 'retry' ? 'retryDelivery' : 'dismissDelivery', subject: `outbox/${id}`,
    note: `${m.title}（${m.outcome?.code ?? ''} ${m.outcome?.message ?? ''}）${note ? `：${note}` : ''}`,
  });
}
