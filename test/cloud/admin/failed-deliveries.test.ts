import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { deliverOutbox } from '../../../cloudfunctions/src/application/deliver-outbox';
import { parseSubscribeTemplates } from '../../../cloudfunctions/src/catalogue/message-catalogue';
import type { SendResult, SubscribeMessage, Subscriber } from '../../../cloudfunctions/src/ports/subscriber';
import { type Harness, makeHarness } from '../../support/harness';
import { failedDelivery } from '../../support/scenarios/admin';

class RecordingSubscriber implements Subscriber {
  readonly sent: SubscribeMessage[] = [];
  async send(message: SubscribeMessage): Promise<SendResult> {
    this.sent.push(message);
    return { ok: true };
  }
}

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  h.deps.config.notifications = { templates: parseSubscribeTemplates(JSON.stringify({ caseProgress: 'tmpl-fixed' })), miniprogramState: 'trial' };
  await h.ok('applicant', 'recordSubscriptions', { accepted: ['caseProgress'], rejected: [] });
});
afterEach(() => h.close());

const message = async (id: string) => (await h.deps.store.get<OutboxMessage>('outbox', id))!;

test('a failed delivery sent again goes out on the next delivery run, from its first attempt', async () => {
  const id = await failedDelivery(h);
  expect((await h.ok('admin', 'listFailedDeliveries', {})).items.map((f) => [f.id, f.errorCode, f.errorMessage])).toEqual([[id, 40037, 'invalid template_id']]);
  expect(await h.ok('admin', 'retryDelivery', { id })).toEqual({ id, status: 'pending' });
  expect(await message(id)).toMatchObject({ status: 'pending', attempts: 0, handled: { action: 'retry', byName: '管理员' } });
  expect((await h.ok('admin', 'listFailedDeliveries', {})).total).toBe(0);

  const wechat = new RecordingSubscriber();
  const report = await deliverOutbox(h.deps, wechat, h.clock.now());
  expect(report).toMatchObject({ sent: 1, failed: 0 });
  expect(wechat.sent[0]).toMatchObject({ templateId: 'tmpl-fixed', touser: 'applicant' });
  expect(await message(id)).toMatchObject({ status: 'sent', attempts: 1 });
  // Handled once: the same message cannot be sent again from the list.
  expect(await h.call('admin', 'retryDelivery', { id })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});

test('a dismissed delivery leaves the list with its note, stays in the inbox, and is audited', async () => {
  const id = await failedDelivery(h);
  expect(await h.ok('admin', 'dismissDelivery', { id, note: '已电话告知申请人' })).toEqual({ id, status: 'dismissed' });
  expect(await message(id)).toMatchObject({ status: 'dismissed', handled: { action: 'dismiss', note: '已电话告知申请人' } });
  expect((await h.ok('admin', 'listFailedDeliveries', {})).total).toBe(0);
  expect((await h.ok('applicant', 'listInbox', {})).items.map((m) => m.title)).toContain('您的申请已受理');
  const audit = await h.deps.store.get<{ action: string; note: string }>('audit', `outbox/${id}:2`);
  expect(audit).toMatchObject({ action: 'dismissDelivery', note: '您的申请已受理（40037 invalid template_id）：已电话告知申请人' });
  expect(await h.call('admin', 'dismissDelivery', { id: 'no-such-message', note: '已处理' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});

// What the admin reads and what the audit keeps when a failed delivery is handled (application/failed-delivery.ts).

test('a retry is audited with the message and its error, and restarts from the first attempt now', async () => {
  const id = await failedDelivery(h);
  await h.ok('admin', 'retryDelivery', { id });
  expect(await h.deps.store.get('audit', `outbox/${id}:2`)).toMatchObject({ action: 'retryDelivery', subject: `outbox/${id}`, note: '您的申请已受理（40037 invalid template_id）' });
  expect(await h.deps.store.get<OutboxMessage>('outbox', id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: h.clock.now().toISOString() });
});

test('a message with no recorded outcome is audited with empty error parts', async () => {
  const id = await failedDelivery(h);
  const { _id, _version, outcome: _outcome, ...doc } = (await h.deps.store.get<OutboxMessage>('outbox', id))!;
  await h.deps.store.replace('outbox', _id, _version, doc);
  await h.ok('admin', 'dismissDelivery', { id, note: '已处理' });
  expect(await h.deps.store.get('audit', `outbox/${id}:3`)).toMatchObject({ action: 'dismissDelivery', note: '您的申请已受理（ ）：已处理' });
});

test('an unknown or already handled message is refused in words', async () => {
  expect(await h.call('admin', 'retryDelivery', { id: 'no-such-message' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该消息' });
  const id = await failedDelivery(h);
  await h.ok('admin', 'dismissDelivery', { id, note: '已电话告知' });
  expect(await h.call('admin', 'retryDelivery', { id })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '该消息已处理，请刷新列表' });
});

test('two admins answering one failed delivery at once: one answer is kept, the other is refused, one audit entry', async () => {
  const id = await failedDelivery(h);
  const answers = await Promise.all([h.call('admin', 'retryDelivery', { id }), h.call('admin', 'dismissDelivery', { id, note: '已电话告知' })]);
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  expect(answers.find((a) => !a.ok)).toMatchObject({ ok: false, code: expect.stringMatching(/^(CONFLICT|INVALID_STATE)$/) });
  const kept = answers[0]!.ok ? 'retryDelivery' : 'dismissDelivery';
  expect((await message(id)).status).toBe(answers[0]!.ok ? 'pending' : 'dismissed');
  // The audit entry is keyed by the version the answer wrote: only the kept answer wrote one.
  expect(await h.deps.store.get('audit', `outbox/${id}:2`)).toMatchObject({ action: kept });
  for (const other of ['3', 'null']) expect(await h.deps.store.get('audit', `outbox/${id}:${other}`)).toBeNull();
});

test('an answer whose compare-and-set is lost to another admin between its read and its write is refused in words and writes nothing', async () => {
  const id = await failedDelivery(h);
  const store = h.deps.store;
  const replace = store.replace.bind(store);
  let raced = 0;
  // The other admin dismisses the message just before this answer writes: this answer read version 1, the store now holds 2.
  store.replace = (async (collection: string, docId: string, version: number, doc: object) => {
    if (collection === 'outbox' && docId === id && raced++ === 0) {
      const { _id, _version, ...rest } = (await store.get<OutboxMessage>('outbox', id))!;
      await replace('outbox', id, _version, { ...rest, status: 'dismissed', handled: { action: 'dismiss', by: 'admin2', byName: '另一位管理员', at: h.clock.now().toISOString() } });
    }
    return replace(collection, docId, version, doc);
  }) as typeof store.replace;
  expect(await h.call('admin', 'retryDelivery', { id })).toMatchObject({ ok: false, code: 'CONFLICT', message: '该消息刚被他人处理，请刷新列表' });
  expect(raced).toBe(1);
  expect((await message(id))).toMatchObject({ status: 'dismissed', handled: { by: 'admin2' } });
  // Audit entries are keyed by the version an answer wrote; this one wrote none (the other admin's went straight to the store).
  for (const version of ['2', '3', 'null']) expect(await h.deps.store.get('audit', `outbox/${id}:${version}`)).toBeNull();
});
