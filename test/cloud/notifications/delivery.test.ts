import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { DELIVERY_POLICY, deliverOutbox } from '../../../cloudfunctions/src/application/deliver-outbox';
import type { SubscriptionRecord } from '../../../cloudfunctions/src/application/subscriptions';
import { parseSubscribeTemplates } from '../../../cloudfunctions/src/catalogue/message-catalogue';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import type { Stored } from '../../../cloudfunctions/src/ports/store';
import type { SendResult, SubscribeMessage, Subscriber } from '../../../cloudfunctions/src/ports/subscriber';
import { type Harness, makeHarness } from '../../support/harness';

// The outbox sweep: what actions queued becomes subscription messages, outside the case's change, at most once per
// message, with WeChat's refusals recorded and transient failures retried with backoff.

/** WeChat as the test scripts it: answers in order (then ok), every send recorded. */
class ScriptedSubscriber implements Subscriber {
  readonly sent: SubscribeMessage[] = [];
  readonly answers: SendResult[] = [];
  /** Runs while a send is in flight, to interleave other work with it. */
  during?: () => Promise<void>;

  async send(message: SubscribeMessage): Promise<SendResult> {
    this.sent.push(message);
    await this.during?.();
    return this.answers.shift() ?? { ok: true };
  }
}

const MINUTE = 60_000;
let h: Harness;
let wechat: ScriptedSubscriber;

beforeEach(async () => {
  h = await makeHarness();
  wechat = new ScriptedSubscriber();
  h.deps.config.notifications = {
    templates: parseSubscribeTemplates(JSON.stringify({ caseProgress: 'tmpl-progress', todo: { id: 'tmpl-todo', longTerm: true } })),
    miniprogramState: 'trial',
  };
});
afterEach(() => h.close());

const sweep = () => deliverOutbox(h.deps, wechat, h.clock.now());
const messagesTo = (who: string) => h.deps.store.find<OutboxMessage>('outbox', { where: { to: who }, orderBy: [['createdAt', 'desc']] });
const only = async (who: string): Promise<Stored<OutboxMessage>> => {
  const all = await messagesTo(who);
  expect(all).toHaveLength(1);
  return all[0]!;
};
const subscribe = (who: string, ...accepted: ('caseProgress' | 'todo')[]) => h.ok(who, 'recordSubscriptions', { accepted, rejected: [] });

/** A submitted case accepted by `staff`: the applicant's acceptance notice is queued. */
async function acceptedCase() {
  const c = await h.apply();
  return h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
}

test('a subscribed applicant gets the acceptance as a subscription message built from the catalogue', async () => {
  await subscribe('applicant', 'caseProgress');
  const c = await acceptedCase();

  expect(await sweep()).toEqual({ sent: 1, inboxOnly: 0, retrying: 0, failed: 0 });
  expect(wechat.sent).toEqual([{
    touser: 'applicant',
    templateId: 'tmpl-progress',
    page: `pages/case-detail/case-detail?id=${c.id}`,
    data: {
      character_string1: { value: c.number },
      thing2: { value: c.matterName.length > 20 ? expect.stringMatching(/…$/) : c.matterName },
      phrase3: { value: '已受理' },
      thing4: { value: '请在小程序内签署同意书和承诺书' },
    },
    miniprogramState: 'trial',
  }]);
  expect(await only('applicant')).toMatchObject({ status: 'sent', templateKey: 'caseProgress', attempts: 1, sentAt: h.clock.now().toISOString(), read: false });
});

test('a one-time acceptance allows one message; the next stays in the inbox without asking WeChat', async () => {
  await subscribe('applicant', 'caseProgress');
  const c = await h.apply();
  const returned = await h.ok('staff', 'returnCase', { caseId: c.id, version: c.version, missing: '缺少营业执照副本' });
  await sweep();
  h.clock.advance(MINUTE);
  const again = await h.ok('applicant', 'resubmitCase', { caseId: returned.id, version: returned.version, materialFileIds: [await h.uploadMaterial('applicant')] });
  await h.ok('staff', 'acceptCase', { caseId: again.id, version: again.version });

  expect(await sweep()).toMatchObject({ sent: 0, inboxOnly: 1 });
  expect(wechat.sent).toHaveLength(1);
  const [acceptance, returnNotice] = await messagesTo('applicant');
  expect(returnNotice).toMatchObject({ event: 'caseReturned', status: 'sent' });
  expect(acceptance).toMatchObject({ event: 'caseAccepted', status: 'inboxOnly', outcome: { message: '收件人未订阅模板 caseProgress' } });
});

test('a long-term subscription keeps allowing messages after each one', async () => {
  await subscribe('otherStaff', 'todo');
  for (let i = 0; i < 3; i++) {
    const c = await acceptedCase();
    await h.ok('head', 'reassignCase', { caseId: c.id, version: c.version, toOpenid: 'otherStaff', reason: `调整${i}` });
  }
  expect(await sweep()).toMatchObject({ sent: 3 });
  expect(wechat.sent.map((m) => m.templateId)).toEqual(['tmpl-todo', 'tmpl-todo', 'tmpl-todo']);
});

test('a message without a configured template, or inbox-only by decision, is kept in the inbox only', async () => {
  await subscribe('staff', 'caseProgress', 'todo');
  const c = await acceptedCase();
  await h.ok('head', 'reassignCase', { caseId: c.id, version: c.version, toOpenid: 'otherStaff', reason: '工作调整' });
  await subscribe('otherStaff', 'todo');
  h.deps.config.notifications.templates = {};

  expect(await sweep()).toMatchObject({ sent: 0, failed: 0 });
  expect(wechat.sent).toEqual([]);
  expect(await only('staff')).toMatchObject({ event: 'caseReassignedFrom', status: 'inboxOnly', outcome: { message: expect.stringContaining('站内消息') } });
  expect(await only('otherStaff')).toMatchObject({ event: 'caseReassignedTo', status: 'inboxOnly', outcome: { message: '本环境未配置订阅消息模板 todo' } });
});

test('a failed send leaves the case unchanged and is retried with backoff until it goes through', async () => {
  await subscribe('applicant', 'caseProgress');
  const c = await acceptedCase();
  const before = await h.deps.store.get<CaseRecord>('cases', c.id);
  wechat.answers.push({ ok: false, errcode: -1, errmsg: 'system error' }, { ok: false, errcode: 45009, errmsg: 'reach max api daily quota limit' });

  expect(await sweep()).toMatchObject({ retrying: 1 });
  expect(await only('applicant')).toMatchObject({
    status: 'pending', attempts: 1, nextAttemptAt: new Date(h.clock.now().getTime() + 5 * MINUTE).toISOString(),
    outcome: { code: -1, message: 'system error' },
  });
  expect(await h.deps.store.get<CaseRecord>('cases', c.id)).toEqual(before);
  expect((await h.ok('applicant', 'getCase', { caseId: c.id })).state).toBe('accepted');

  await sweep();
  expect(wechat.sent).toHaveLength(1); // not due yet
  h.clock.advance(5 * MINUTE);
  await sweep();
  expect(await only('applicant')).toMatchObject({ status: 'pending', attempts: 2, outcome: { code: 45009 } });
  h.clock.advance(9 * MINUTE);
  await sweep();
  expect(wechat.sent).toHaveLength(2); // the second wait is ten minutes
  h.clock.advance(MINUTE);
  expect(await sweep()).toMatchObject({ sent: 1 });
  expect(await only('applicant')).toMatchObject({ status: 'sent', attempts: 3 });
  expect(await h.deps.store.get<CaseRecord>('cases', c.id)).toEqual(before);
});

test('a message still failing after the last attempt is failed and listed for admins', async () => {
  await subscribe('applicant', 'caseProgress');
  const c = await acceptedCase();
  for (let i = 0; i < DELIVERY_POLICY.maxAttempts; i++) {
    wechat.answers.push({ ok: false, errcode: -501001, errmsg: 'network timeout' });
    await sweep();
    h.clock.advance(2 ** i * 5 * MINUTE);
  }
  await sweep();
  expect(wechat.sent).toHaveLength(DELIVERY_POLICY.maxAttempts);
  expect(await only('applicant')).toMatchObject({ status: 'failed', attempts: DELIVERY_POLICY.maxAttempts });

  const failed = await h.ok('admin', 'listFailedDeliveries', {});
  expect(failed).toMatchObject({ total: 1, items: [{
    event: 'caseAccepted', title: '您的申请已受理', recipientName: '张三', caseId: c.id, templateKey: 'caseProgress',
    attempts: DELIVERY_POLICY.maxAttempts, errorCode: -501001, errorMessage: 'network timeout',
  }] });
});

test('43101 is recorded, not retried, and stops sends with that template until the person accepts again', async () => {
  await subscribe('applicant', 'caseProgress');
  await subscribe('applicant', 'caseProgress');
  await acceptedCase();
  wechat.answers.push({ ok: false, errcode: 43101, errmsg: 'user refuse to accept the msg rid: 6685f720' });

  expect(await sweep()).toMatchObject({ inboxOnly: 1, retrying: 0 });
  expect(await only('applicant')).toMatchObject({ status: 'inboxOnly', attempts: 1, outcome: { code: 43101 } });
  const subscriptions = await h.deps.store.get<SubscriptionRecord>('subscriptions', 'applicant');
  expect(subscriptions?.templates.caseProgress).toMatchObject({ status: 'reject', credits: 0, refusedAt: h.clock.now().toISOString() });

  h.clock.advance(60 * MINUTE);
  await sweep();
  expect(wechat.sent).toHaveLength(1);
  // We had counted two acceptances; WeChat knows better. Only a new acceptance allows a send again.
  expect(await h.ok('applicant', 'recordSubscriptions', { accepted: ['caseProgress'], rejected: [] })).toEqual({ subscribed: ['caseProgress'] });
});

test.each([[40037, 'invalid template_id'], [41030, 'invalid page'], [47003, 'argument invalid! data.thing2.value invalid']])(
  'WeChat answering %i fails the message at once: a retry cannot change it',
  async (errcode, errmsg) => {
    await subscribe('applicant', 'caseProgress');
    await acceptedCase();
    wechat.answers.push({ ok: false, errcode, errmsg });
    expect(await sweep()).toMatchObject({ failed: 1 });
    expect(await only('applicant')).toMatchObject({ status: 'failed', attempts: 1, outcome: { code: errcode, message: errmsg } });
  },
);

test('a value the configured keyword cannot take is failed with the reason, never sent', async () => {
  h.deps.config.notifications.templates = parseSubscribeTemplates('{"caseProgress": {"id": "tmpl-progress", "keywords": {"caseNumber": "number1"}}}');
  await subscribe('applicant', 'caseProgress');
  await acceptedCase();
  expect(await sweep()).toMatchObject({ failed: 1 });
  expect(wechat.sent).toEqual([]);
  expect(await only('applicant')).toMatchObject({ status: 'failed', attempts: 0, outcome: { code: 47003, message: expect.stringContaining('办件编号（number1）') } });
});

test('two sweeps running at once send a message once', async () => {
  await subscribe('applicant', 'caseProgress');
  await acceptedCase();
  const reports = await Promise.all([sweep(), sweep(), sweep()]);
  expect(wechat.sent).toHaveLength(1);
  expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
  expect(await only('applicant')).toMatchObject({ status: 'sent', attempts: 1 });
});

describe('a sweep that listed a message another sweep has handled since', () => {
  /** Two messages due for the applicant; while the first sweep sends the first, a second sweep runs whole. */
  const overtaken = async (secondAnswer?: { ok: false; errcode: number; errmsg: string }) => {
    await subscribe('applicant', 'caseProgress', 'todo');
    await h.ok('applicant', 'recordSubscriptions', { accepted: ['caseProgress'], rejected: [] });
    await acceptedCase();
    await h.deps.store.insert('outbox', 'extra-1', {
      ...(await only('applicant')), _id: undefined, _version: undefined, createdAt: new Date(h.clock.now().getTime() + 1).toISOString(),
    });
    let second: Awaited<ReturnType<typeof sweep>> | undefined;
    wechat.during = async () => {
      wechat.during = undefined;
      // The second sweep's send is answered first; the first sweep's own send then goes through.
      if (secondAnswer) wechat.answers.push(secondAnswer, { ok: true });
      second = await sweep();
    };
    const first = await sweep();
    return { first, second: second! };
  };

  test('does not send again one the other sweep sent', async () => {
    const { first, second } = await overtaken();
    expect(wechat.sent).toHaveLength(2);
    expect(first.sent + second.sent).toBe(2);
    // The sweep that found the other's message already sent counts it nowhere.
    expect(first).toEqual({ sent: 1, inboxOnly: 0, retrying: 0, failed: 0 });
  });

  test('does not send early one the other sweep put back to wait for its retry', async () => {
    const { first, second } = await overtaken({ ok: false, errcode: -1, errmsg: 'system error' });
    expect(second).toMatchObject({ retrying: 1 });
    expect(wechat.sent).toHaveLength(2);
    expect(first).toEqual({ sent: 1, inboxOnly: 0, retrying: 0, failed: 0 });
    expect((await messagesTo('applicant')).map((m) => m.status).sort()).toEqual(['pending', 'sent']);
  });
});

test('a message of an event the catalogue no longer has stays in the inbox, and says why', async () => {
  await subscribe('applicant', 'caseProgress');
  await acceptedCase();
  const m = await only('applicant');
  const { _id, _version, ...body } = m;
  await h.deps.store.replace('outbox', _id, _version, { ...body, event: 'retiredEvent' });
  expect(await sweep()).toEqual({ sent: 0, inboxOnly: 1, retrying: 0, failed: 0 });
  expect(await only('applicant')).toMatchObject({ status: 'inboxOnly', outcome: { message: '消息目录中没有事件 retiredEvent' } });
  expect(wechat.sent).toEqual([]);
});

test('a message read while it is being sent keeps both the read flag and the delivery', async () => {
  await subscribe('applicant', 'caseProgress');
  await acceptedCase();
  const { _id } = await only('applicant');
  wechat.during = async () => {
    expect(await h.ok('applicant', 'markRead', { ids: [_id] })).toEqual({ unread: 0 });
  };
  expect(await sweep()).toMatchObject({ sent: 1 });
  expect(await only('applicant')).toMatchObject({ status: 'sent', read: true });
});

test('a send interrupted after its claim is failed as unknown, never sent a second time', async () => {
  await subscribe('applicant', 'caseProgress');
  await acceptedCase();
  const m = await only('applicant');
  // A sweep claimed it and died before recording what WeChat answered.
  const { _id, _version, ...body } = m;
  await h.deps.store.replace('outbox', _id, _version, { ...body, status: 'sending', claim: 'lost-sweep', attempts: 1, nextAttemptAt: new Date(h.clock.now().getTime() + DELIVERY_POLICY.claimLeaseMs).toISOString() });

  expect(await sweep()).toMatchObject({ sent: 0, failed: 0 });
  h.clock.advance(DELIVERY_POLICY.claimLeaseMs);
  expect(await sweep()).toMatchObject({ failed: 1 });
  expect(wechat.sent).toEqual([]);
  expect(await only('applicant')).toMatchObject({ status: 'failed', outcome: { message: expect.stringContaining('不再重发') } });
});
