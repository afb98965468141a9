import type { FailedDelivery, InboxMessage, Page, SubscribeMoment, SubscribeTemplate, SubscribeTemplateKey } from '../models';
import type { PageQuery } from './core';

/** Request and response of the notifications actions: the inbox, subscriptions, and failed deliveries. */
export interface NotificationsActions {
  /** The caller's own messages, newest first. */
  listInbox: { req: PageQuery; res: Page<InboxMessage> };
  /** How many of the caller's messages are unread (the 消息 tab's badge). */
  unreadCount: { req: Record<string, never>; res: { unread: number } };
  /** Marks some of the caller's own messages read; answers the unread count after. */
  markRead: { req: { ids: string[] }; res: { unread: number } };
  /** The templates to ask for at this moment (at most three, as one wx.requestSubscribeMessage call allows). */
  getSubscribeTemplates: { req: { moment: SubscribeMoment }; res: { templates: SubscribeTemplate[] } };
  /** What the caller answered to wx.requestSubscribeMessage; answers the templates they are now subscribed to. */
  recordSubscriptions: {
    req: { accepted: SubscribeTemplateKey[]; rejected: SubscribeTemplateKey[] };
    res: { subscribed: SubscribeTemplateKey[] };
  };
  /** Admin: subscription messages that finally failed, newest first. */
  listFailedDeliveries: { req: PageQuery; res: Page<FailedDelivery> };
}
