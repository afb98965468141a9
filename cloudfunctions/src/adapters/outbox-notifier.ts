import type { SubscribeTemplateKey } from '../../../typings/models';
import type { Clock } from '../ports/clock';
import type { Notice, Notifier } from '../ports/notifier';
import type { Store } from '../ports/store';

/**
 * What became of a message's subscription-message delivery: waiting (`pending`, also between retries), claimed by
 * one sender (`sending`), delivered (`sent`), kept in the inbox only (no template, not subscribed, 43101), or given
 * up (`failed`, listed for admins).
 */
/** 'dismissed': a failed delivery the admin closed without sending again (the inbox keeps the message). */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'inboxOnly' | 'failed' | 'dismissed';

/** A queued message: the in-app inbox reads it, the sender delivers it as a subscription message later. */
export interface OutboxMessage extends Omit<Notice, 'id'> {
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  read: boolean;
  readAt?: string;
  /** The sender that claimed the message for its current attempt. */
  claim?: string;
  templateKey?: SubscribeTemplateKey;
  sentAt?: string;
  /** Why it is inbox-only or failed, or what the last failed attempt answered. */
  outcome?: { code: number; message: string; at: string };
  /** What the admin did about a failed delivery: sent again, or dismissed. */
  handled?: { action: 'retry' | 'dismiss'; by: string; byName: string; at: string; note?: string };
}

/**
 * Queues notices in the `outbox` collection. Delivery is never part of the case's change: a failed send cannot
 * block or undo it. The notice id is the document id, so queuing the same notice twice keeps one.
 */
export class OutboxNotifier implements Notifier {
  constructor(private readonly store: Store, private readonly clock: Clock) {}

  async queue(notices: Notice[]): Promise<void> {
    const now = this.clock.now().toISOString();
    for (const { id, ...notice } of notices) {
      const message: OutboxMessage = { ...notice, status: 'pending', attempts: 0, createdAt: now, nextAttemptAt: now, read: false };
      await this.store.insert('outbox', id, message);
    }
  }
}
