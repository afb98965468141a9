import type { InboxMessage } from '../../../../typings/models';
import type { OutboxMessage } from '../../adapters/outbox-notifier';
import type { Store, Stored } from '../../ports/store';

/** Which case a message is about, in the words on its page: DL-20260612-0007 · 天津某公司. */
const caseLabelOf = (fields: Record<string, string> | undefined): string | undefined => {
  const about = fields?.company || fields?.matter;
  return fields?.number ? (about ? `${fields.number} · ${about}` : fields.number) : undefined;
};

/** A message as its recipient sees it in the inbox: no delivery details; the case it is about named. */
export const toInboxMessage = (m: Stored<OutboxMessage>): InboxMessage => ({
  id: m._id,
  event: m.event,
  title: m.title,
  body: m.body,
  page: m.page,
  ...(m.caseId ? { caseId: m.caseId } : {}),
  ...(caseLabelOf(m.fields) ? { caseLabel: caseLabelOf(m.fields)! } : {}),
  createdAt: m.createdAt,
  read: m.read,
});

/** The recipient's unread messages (index by_recipient_read). */
export const unreadOf = (store: Store, openid: string): Promise<number> => store.count('outbox', { to: openid, read: false });
