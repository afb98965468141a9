import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { parseSubscribeTemplates } from '../../../cloudfunctions/src/catalogue/message-catalogue';
import { type Harness, makeHarness } from '../../support/harness';
import { failedDelivery } from '../../support/scenarios/admin';

// What the admin reads and what the audit keeps when a failed delivery is handled (application/failed-delivery.ts).

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  h.deps.config.notifications = { templates: parseSubscribeTemplates(JSON.stringify({ caseProgress: 'tmpl-fixed' })), miniprogramState: 'trial' };
  await h.ok('applicant', 'recordSubscriptions', { accepted: ['caseProgress'], rejected: [] });
});
afterEach(() => h.close());

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
