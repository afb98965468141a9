import type { AnyAction } from '../../api/action';
import { getSubscribeTemplates } from './get-subscribe-templates';
import { listFailedDeliveries } from './list-failed-deliveries';
import { listInbox } from './list-inbox';
import { markRead } from './mark-read';
import { recordSubscriptions } from './record-subscriptions';
import { unreadCount } from './unread-count';

/** The notifications actions. */
export const NOTIFICATIONS_ACTIONS: readonly AnyAction[] = [
  listInbox, unreadCount, markRead, getSubscribeTemplates, recordSubscriptions, listFailedDeliveries,
];
