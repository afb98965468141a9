import type { SubscribeTemplateKey } from '../../../typings/models';
import type { DeliveryStatus, OutboxMessage } from '../adapters/outbox-notifier';
import type { Deps } from '../api/context';
import { type ConfiguredTemplate, catalogueEntry, fillTemplate } from '../catalogue/message-catalogue';
import type { Stored } from '../ports/store';
import type { SendResult, SubscribeMessage, Subscriber } from '../ports/subscriber';
import { loadSubscriptions, markRefused, maySend, spendCredit } from './subscriptions';
import { updateDocument } from './update-document';

// The outbox sweep: queued messages become WeChat subscription messages, outside any case's change, so a failed send
// never blocks or undoes one. Each message is claimed by compare-and-set before it is sent and is never sent again
// after that, whatever happens: delivered at most once. The inbox shows every message whatever becomes of this.

export const DELIVERY_POLICY = {
  /** Messages handled per sweep, so one run stays inside the function's time limit; the rest wait for the next. */
  batch: 50,
  /** Sends tried per message before it is given up as failed. */
  maxAttempts: 5,
  /** Wait after the first transient failure, doubled after each further one: 5, 10, 20, 40 minutes. */
  firstRetryMs: 5 * 60_000,
  /** A message still `sending` this long after its claim was interrupted mid-send: it is failed, not resent. */
  claimLeaseMs: 10 * 60_000,
};

/** WeChat's answer when the person has no subscription left for the template: fall back to the inbox, no retry. */
const NOT_SUBSCRIBED = 43101;
/** Answers a retry cannot change (bad openid, template id, page or value): the configuration needs fixing. */
const PERMANENT_ERRORS = new Set([40003, 40037, 41030, 47003]);
/** The code recorded for a value our formatter refused: what WeChat would have answered for it. */
const INVALID_VALUE = 47003;
/** The code recorded for decisions made here without asking WeChat. */
const DECIDED_HERE = 0;

export interface DeliveryReport {
  sent: number;
  inboxOnly: number;
  retrying: number;
  failed: number;
}

type Outcome = { status: DeliveryStatus; code: number; message: string; nextAttemptAt?: string };

type Plan =
  | { send: false; outcome: Outcome }
  | { send: true; key: SubscribeTemplateKey; configured: ConfiguredTemplate; message: SubscribeMessage };

type Message = Stored<OutboxMessage>;
type DeliveryDeps = Pick<Deps, 'store' | 'ids' | 'config'>;

export async function deliverOutbox(deps: DeliveryDeps, subscriber: Subscriber, now: Date): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, inboxOnly: 0, retrying: 0, failed: 0 };
  const at = now.toISOString();
  const count = (status: DeliveryStatus | null) => {
    if (status === 'sent') report.sent++;
    else if (status === 'inboxOnly') report.inboxOnly++;
    else if (status === 'pending') report.retrying++;
    else if (status === 'failed') report.failed++;
  };
  for (const stale of await due(deps, 'sending', at)) {
    count(await finish(deps, stale, 'sending', stale.claim, at, {
      status: 'failed', code: DECIDED_HERE, message: '发送中断，无法确认是否已送达；为避免重复，不再重发',
    }));
  }
  for (const message of await due(deps, 'pending', at)) count(await deliverOne(deps, subscriber, message, now));
  return report;
}

const due = (deps: DeliveryDeps, status: DeliveryStatus, at: string): Promise<Message[]> =>
  deps.store.find<OutboxMessage>('outbox', {
    where: { status, nextAttemptAt: { op: 'lte', value: at } },
    orderBy: [['nextAttemptAt', 'asc']],
    limit: DELIVERY_POLICY.batch,
  });

async function deliverOne(deps: DeliveryDeps, subscriber: Subscriber, message: Message, now: Date): Promise<DeliveryStatus | null> {
  const at = now.toISOString();
  const plan = await planDelivery(deps, message);
  if (!plan.send) return finish(deps, message, 'pending', undefined, at, plan.outcome);

  const claim = deps.ids.next();
  const claimed = await updateDocument<OutboxMessage>(deps.store, 'outbox', message._id, (current) =>
    current?.status === 'pending' && current.nextAttemptAt <= at
      ? { ...current, status: 'sending', claim, templateKey: plan.key, attempts: current.attempts + 1, nextAttemptAt: later(now, DELIVERY_POLICY.claimLeaseMs) }
      : null,
  );
  // Another sweep claimed it first, or it is no longer due: that sweep owns it.
  if (claimed?.claim !== claim) return null;

  const result = await subscriber.send(plan.message);
  const outcome = outcomeOf(result, claimed.attempts, now);
  const status = await finish(deps, claimed, 'sending', claim, at, outcome);
  if (status === 'sent') await spendCredit(deps.store, message.to, plan.key, plan.configured, at);
  if (!result.ok && result.errcode === NOT_SUBSCRIBED) await markRefused(deps.store, message.to, plan.key, at);
  return status;
}

/** What to do with a message before asking WeChat: keep it in the inbox only, refuse it, or send it as built. */
async function planDelivery(deps: DeliveryDeps, m: Message): Promise<Plan> {
  const inboxOnly = (message: string): Plan => ({ send: false, outcome: { status: 'inboxOnly', code: DECIDED_HERE, message } });
  const delivery = catalogueEntry(m.event)?.delivery;
  if (!delivery) return inboxOnly(`消息目录中没有事件 ${m.event}`);
  if ('inboxOnly' in delivery) return inboxOnly(delivery.inboxOnly);
  const key = delivery.template;
  const configured = deps.config.notifications.templates[key];
  if (!configured) return inboxOnly(`本环境未配置订阅消息模板 ${key}`);
  if (!maySend(await loadSubscriptions(deps.store, m.to), key, configured)) return inboxOnly(`收件人未订阅模板 ${key}`);
  const filled = fillTemplate(delivery, configured, m);
  if (!filled.ok) return { send: false, outcome: { status: 'failed', code: INVALID_VALUE, message: filled.reason } };
  return {
    send: true, key, configured,
    message: {
      touser: m.to, templateId: configured.id, page: m.page.replace(/^\//, ''), data: filled.data,
      miniprogramState: deps.config.notifications.miniprogramState,
    },
  };
}

function outcomeOf(result: SendResult, attempts: number, now: Date): Outcome {
  if (result.ok) return { status: 'sent', code: 0, message: 'ok' };
  const answered = { code: result.errcode, message: result.errmsg };
  if (result.errcode === NOT_SUBSCRIBED) return { status: 'inboxOnly', ...answered };
  if (PERMANENT_ERRORS.has(result.errcode) || attempts >= DELIVERY_POLICY.maxAttempts) return { status: 'failed', ...answered };
  return { status: 'pending', ...answered, nextAttemptAt: later(now, DELIVERY_POLICY.firstRetryMs * 2 ** (attempts - 1)) };
}

/**
 * Records the outcome on the message as it is now (the recipient may have read it meanwhile), provided it is still
 * in the state this sweep left it in. Answers the status written, or null when another sweep had moved it on.
 */
async function finish(
  deps: DeliveryDeps, m: Message, from: DeliveryStatus, claim: string | undefined, at: string, outcome: Outcome,
): Promise<DeliveryStatus | null> {
  let applied = false;
  await updateDocument<OutboxMessage>(deps.store, 'outbox', m._id, (current) => {
    // Called again after a concurrent change: only the last call's answer is the one written.
    applied = current?.status === from && current.claim === claim;
    if (!current || !applied) return null;
    // The claim belongs to one attempt: a message back to pending may be claimed afresh.
    const { claim: _claim, ...unclaimed } = current;
    return {
      ...unclaimed,
      status: outcome.status,
      nextAttemptAt: outcome.nextAttemptAt ?? current.nextAttemptAt,
      ...(outcome.status === 'sent' ? { sentAt: at } : { outcome: { code: outcome.code, message: outcome.message, at } }),
    };
  });
  return applied ? outcome.status : null;
}

const later = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();
