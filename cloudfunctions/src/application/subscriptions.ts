import type { SubscribeTemplateKey } from '../../../typings/models';
import type { ConfiguredTemplate, SubscribeTemplates } from '../catalogue/message-catalogue';
import type { Store } from '../ports/store';
import { updateDocument } from './update-document';

// What each person answered to wx.requestSubscribeMessage, in `subscriptions` (id = OPENID). A one-time template
// allows one message per acceptance, so acceptances are counted and each delivered message spends one; a long-term
// template 长期订阅 allows every message once accepted. WeChat keeps the real count: 43101 on a send means none is
// left, and the record follows it.

export interface TemplateSubscription {
  /** The template id answered for: a different id in this environment's configuration needs a new answer. */
  templateId: string;
  status: 'accept' | 'reject';
  /** Messages still allowed by one-time acceptances. */
  credits: number;
  answeredAt: string;
  /** When WeChat last answered 43101 (not subscribed) for it. */
  refusedAt?: string;
}

export interface SubscriptionRecord {
  templates: Partial<Record<SubscribeTemplateKey, TemplateSubscription>>;
  updatedAt: string;
}

const COLLECTION = 'subscriptions';

/** Whether a message may be sent with this template now, as far as we know. */
export function maySend(record: SubscriptionRecord | null, key: SubscribeTemplateKey, configured: ConfiguredTemplate): boolean {
  const s = record?.templates[key];
  return !!s && s.templateId === configured.id && s.status === 'accept' && (configured.longTerm || s.credits > 0);
}

export const subscribedKeys = (record: SubscriptionRecord | null, templates: SubscribeTemplates): SubscribeTemplateKey[] =>
  (Object.keys(templates) as SubscribeTemplateKey[]).filter((key) => maySend(record, key, templates[key]!));

export const loadSubscriptions = (store: Store, openid: string) => store.get<SubscriptionRecord>(COLLECTION, openid);

/** Records one answer to wx.requestSubscribeMessage; templates this environment does not configure are ignored. */
export async function recordAnswers(
  store: Store, openid: string, templates: SubscribeTemplates, answer: { accepted: SubscribeTemplateKey[]; rejected: SubscribeTemplateKey[] }, at: string,
): Promise<SubscriptionRecord> {
  const saved = await updateDocument<SubscriptionRecord>(store, COLLECTION, openid, (current) => {
    const next: SubscriptionRecord = { templates: { ...current?.templates }, updatedAt: at };
    for (const key of new Set(answer.accepted)) {
      const configured = templates[key];
      if (!configured) continue;
      const before = next.templates[key];
      const credits = before?.templateId === configured.id && before.status === 'accept' ? before.credits + 1 : 1;
      next.templates[key] = { templateId: configured.id, status: 'accept', credits, answeredAt: at };
    }
    for (const key of new Set(answer.rejected)) {
      const configured = templates[key];
      if (configured && !answer.accepted.includes(key)) next.templates[key] = { templateId: configured.id, status: 'reject', credits: 0, answeredAt: at };
    }
    return next;
  });
  return saved!;
}

/** After a delivered message: a one-time acceptance is used up. */
export async function spendCredit(store: Store, openid: string, key: SubscribeTemplateKey, configured: ConfiguredTemplate, at: string): Promise<void> {
  if (configured.longTerm) return;
  await updateDocument<SubscriptionRecord>(store, COLLECTION, openid, (current) => {
    const s = current?.templates[key];
    if (!current || !s || s.credits === 0) return null;
    return { templates: { ...current.templates, [key]: { ...s, credits: s.credits - 1 } }, updatedAt: at };
  });
}

/** After 43101: WeChat says no message is allowed (used up, or unsubscribed in settings) until the person accepts again. */
export async function markRefused(store: Store, openid: string, key: SubscribeTemplateKey, at: string): Promise<void> {
  await updateDocument<SubscriptionRecord>(store, COLLECTION, openid, (current) => {
    const s = current?.templates[key];
    if (!current || !s) return null;
    return { templates: { ...current.templates, [key]: { ...s, status: 'reject', credits: 0, refusedAt: at } }, updatedAt: at };
  });
}
