import * as z from 'zod';
import { lazySchema } from '../../api/validation';
import type { OutboxMessage } from '../../adapters/outbox-notifier';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { updateDocument } from '../../application/update-document';
import { unreadOf } from './inbox';

/** Message ids are made of case ids, events, versions and times: letters, digits and : . _ - */
const messageId = lazySchema(() => z.string().regex(/^[A-Za-z0-9_:.-]{1,200}$/, { message: '消息编号格式不正确' }));

/**
 * Marks the caller's own messages read. Someone else's message is answered as not found, so ids cannot be probed.
 * The flag is set on the message as it is now, by compare-and-set: the sender may be recording its delivery at the
 * same moment, and neither change may undo the other.
 */
export const markRead = defineAction({
  name: 'markRead',
  schema: () => z.strictObject({ ids: z.array(messageId()).min(1, { message: '请选择消息' }).max(100, { message: '一次最多100条' }) }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { ids }) {
    const unique = [...new Set(ids)];
    const messages = await Promise.all(unique.map((id) => ctx.store.get<OutboxMessage>('outbox', id)));
    if (messages.some((m) => m?.to !== ctx.caller.openid)) throw new AppError('NOT_FOUND', '未找到该消息');
    const readAt = ctx.now.toISOString();
    for (const id of unique) {
      await updateDocument<OutboxMessage>(ctx.store, 'outbox', id, (current) => (current && !current.read ? { ...current, read: true, readAt } : null));
    }
    return { unread: await unreadOf(ctx.store, ctx.caller.openid) };
  },
});
