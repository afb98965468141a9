import type { FailedDelivery } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const failure = (id: string, overrides: Partial<FailedDelivery> = {}): FailedDelivery => ({
  id, event: 'caseAccepted', title: '您的申请已受理', recipientName: '张三', caseId: 'case-7', templateKey: 'caseProgress',
  attempts: 5, errorCode: 40037, errorMessage: 'invalid template_id', createdAt: '2026-06-12T01:00:00.000Z', failedAt: '2026-06-12T02:00:00.000Z',
  ...overrides,
});

async function open(): Promise<LoadedPage> {
  const p = loadPage('package-admin/pages/failed-deliveries/failed-deliveries');
  p.page.onLoad({});
  await settled();
  return p;
}

test('each failed message shows its recipient and the reason in words, and is sent again from the list', async () => {
  fake.server
    .on('listFailedDeliveries', { items: [failure('m1'), failure('m2', { errorCode: -501001, errorMessage: 'system error', recipientName: '李四' })], total: 2, offset: 0, limit: 10 })
    .on('retryDelivery', ({ id }: { id: string }) => ({ id, status: 'pending' }));
  const p = await open();
  expect(p.text()).toContain('收件人：张三 · 2026-06-12 10:00');
  expect(p.text()).toContain('模板编号无效，请在系统设置中核对（错误码 40037，已尝试 5 次）');
  expect(p.text()).toContain('system error（错误码 -501001，已尝试 5 次）');
  await p.tap('#send-again-0');
  expect(fake.server.sent('retryDelivery')).toEqual([{ id: 'm1' }]);
  expect(p.page.data.list.items.map((r: { id: string }) => r.id)).toEqual(['m2']);
  expect(fake.calls('showToast')[0]).toMatchObject({ title: '将在几分钟内重新发送' });
});

test('a message is closed only with a note saying how it was handled', async () => {
  fake.server
    .on('listFailedDeliveries', { items: [failure('m1')], total: 1, offset: 0, limit: 10 })
    .on('dismissDelivery', ({ id }: { id: string }) => ({ id, status: 'dismissed' }));
  const p = await open();
  await p.tap('#open-close-0');
  await p.tap('#close');
  expect(p.text()).toContain('请写明如何处理');
  expect(fake.server.sent('dismissDelivery')).toHaveLength(0);
  await p.type('#note', '已电话告知申请人');
  await p.tap('#close');
  expect(fake.server.sent('dismissDelivery')).toEqual([{ id: 'm1', note: '已电话告知申请人' }]);
  expect(p.text()).toContain('没有投递失败的订阅消息');
});

test('a failure to load offers 重试, and an empty list says so', async () => {
  fake.server.refuse('listFailedDeliveries', 'FORBIDDEN', '您没有权限进行此操作');
  const p = await open();
  expect(p.text()).toContain('您没有权限进行此操作');
  fake.server.on('listFailedDeliveries', { items: [], total: 0, offset: 0, limit: 10 });
  p.page.onRetry();
  await settled();
  expect(p.text()).toContain('没有投递失败的订阅消息');
});
