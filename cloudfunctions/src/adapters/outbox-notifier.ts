import type { Clock } from '../ports/clock';
import type { Notice, Notifier } from '../ports/notifier';
import type { Store } from '../ports/store';

/** A queued message: the in-app inbox reads it, the sender delivers it as a subscription message later. */
export interface OutboxMessage extends Omit<Notice, 'id'> {
  status: 'pending' | 'sent' | 'failed' | 'inboxOnly';
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  read: boolean;
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
