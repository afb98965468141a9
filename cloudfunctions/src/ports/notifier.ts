import type { NoticeEvent } from '../catalogue/message-catalogue';

/** One message to one person, about one event. Delivery happens later, outside the case's transaction. */
export interface Notice {
  /** Stable per event and recipient, so a retried action never queues the same message twice. */
  id: string;
  /** An event of the message catalogue, which says who gets it and which template carries it. */
  event: NoticeEvent;
  to: string;
  caseId?: string;
  title: string;
  body: string;
  page: string;
  /** Values the subscription-message template is filled from (catalogue/message-catalogue.ts `MessageFacts`). */
  fields: Record<string, string>;
}

export interface Notifier {
  queue(notices: Notice[]): Promise<void>;
}
