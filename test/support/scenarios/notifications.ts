import type { NotificationsActions } from '../../../typings/api';
import type { Harness } from '../harness';
import { ALL, type ActionScenario } from './core';

/** A message in `who`'s own inbox, queued as any action queues one. */
export async function messageTo(h: Harness, who: string, id = `scenario-${who}`): Promise<string> {
  await h.deps.notifier.queue([{ id, event: 'caseAccepted', to: who, title: '您的申请已受理', body: 'DL-20260612-0001 二次供水单位卫生许可', page: '/pages/inbox/inbox', fields: {} }]);
  return id;
}

/** Authorization-matrix rows of the notifications actions: how to call each, and who may. */
export const NOTIFICATIONS_SCENARIOS: { [A in keyof NotificationsActions]: ActionScenario<A> } = {
  listInbox: { payload: async () => ({}), allowed: ALL },
  unreadCount: { payload: async () => ({}), allowed: ALL },
  markRead: { payload: async (h, who) => ({ ids: [await messageTo(h, who)] }), allowed: ALL, writes: ['outbox'] },
  getSubscribeTemplates: { payload: async () => ({ moment: 'afterApply' }), allowed: ALL },
  recordSubscriptions: { payload: async () => ({ accepted: ['caseProgress'], rejected: ['todo'] }), allowed: ALL, writes: ['subscriptions'] },
  listFailedDeliveries: { payload: async () => ({}), allowed: ['admin'] },
};
