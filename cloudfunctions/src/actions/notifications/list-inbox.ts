import * as z from 'zod';
import type { OutboxMessage } from '../../adapters/outbox-notifier';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { toInboxMessage } from './inbox';

/** The caller's own messages, newest first (index by_recipient). */
export const listInbox = defineAction({
  name: 'listInbox',
  schema: () => z.strictObject(pageQuery()),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { offset = 0, limit = 20 }) {
    const where = { to: ctx.caller.openid };
    const [messages, total] = await Promise.all([
      ctx.store.find<OutboxMessage>('outbox', { where, orderBy: [['createdAt', 'desc']], offset, limit }),
      ctx.store.count('outbox', where),
    ]);
    return { items: messages.map(toInboxMessage), total, offset, limit };
  },
});
