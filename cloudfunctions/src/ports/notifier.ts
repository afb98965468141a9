/** One message to one person, about one event. Delivery happens later, outside the case's transaction. */
export interface Notice {
  /** Stable per event and recipient, so a retried action never queues the same message twice. */
  id: string;
  event: string;
  to: string;
  caseId?: string;
  title: string;
  body: string;
  page: string;
  /** Values the subscription-message template is filled from. */
  fields: Record<string, string>;
}

export interface Notifier {
  queue(notices: Notice[]): Promise<void>;
}
