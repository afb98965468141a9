import type { InboxMessage } from '../../../../typings/models';
import type { OutboxMessage } from '../../adapters/outbox-notifier';
import type { Store, Stored } from '../../ports/store';

/** A message as its recipient sees it in the inbox: no delivery details. */
export const toInboxMessage = (m: Stored<OutboxMessage>): InboxMessage => ({
  id: m._id,
  event: m.event,
  title: m.title,
  body: m.body,
  page: m.page,
  ...(m.caseId ? { caseId: m.caseId } : {}),
  createdAt: m.createdAt,
  read: m.read,
});

/** The recipient's unread messages (index by_recipient_read). */
export const unreadOf = (store: Store, openid: string): Promise<number> => store.count('outbox', { to: openid, read: false });
