import type { QueueEntry } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseSummary } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const entry = (n: number, overrides: Partial<QueueEntry> = {}): QueueEntry => ({
  ...caseSummary(n, { state: 'ready', stateLabel: '待预约', acceptedAt: `2026-06-1${n}T01:30:00.000Z`, handlerName: '王芳' }),
  position: n,
  slotsOffered: false,
  ...overrides,
});

async function openQueue(items: QueueEntry[]): Promise<LoadedPage> {
  fake.server.on('getReadyQueue', { items, total: items.length, offset: 0, limit: 10 });
  const p = loadPage('package-staff/pages/ready-queue/ready-queue');
  p.page.onLoad();
  await settled();
  return p;
}

const offerUrl = () => fake.calls('navigateTo')[0]?.url;

test('the queue lists the ready cases in acceptance order with where each stands', async () => {
  const p = await openQueue([entry(1, { slotsOffered: true }), entry(2, { otherTimesRequest: { note: '周三上午', at: '2026-06-12T03:00:00.000Z' } }), entry(3)]);
  const text = p.text();
  expect(fake.server.sent('getReadyQueue')).toEqual([{ offset: 0, limit: 10 }]);
  expect(text.indexOf('第1位')).toBeLessThan(text.indexOf('第2位'));
  expect(text).toContain('已提供时段，等待申请人选择');
  expect(text).toContain('申请人希望：周三上午');
  expect(text).toContain('待提供踏勘时段');
});

test('the first case waiting for times opens without a reason', async () => {
  const p = await openQueue([entry(1, { slotsOffered: true }), entry(2), entry(3)]);
  await p.tap('#case-2 >>> .card');
  expect(fake.calls('showModal')).toEqual([]);
  expect(offerUrl()).toBe('/package-staff/pages/offer-slots/offer-slots?id=case-2');
});

test('taking a later case first asks for a reason and carries it to the offer', async () => {
  fake.answer('showModal', { confirm: true, content: ' 申请人下周出国，需先安排 ' });
  const p = await openQueue([entry(1), entry(2), entry(3)]);
  await p.tap('#case-3 >>> .card');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '不按受理顺序安排', editable: true });
  expect(fake.calls('showModal')[0]!.content).toContain('DL-20260612-0001、DL-20260612-0002');
  expect(offerUrl()).toBe(`/package-staff/pages/offer-slots/offer-slots?id=case-3&reason=${encodeURIComponent('申请人下周出国，需先安排')}`);
});

test('without a reason the later case is not opened', async () => {
  fake.answer('showModal', { confirm: true, content: '' });
  const p = await openQueue([entry(1), entry(2)]);
  await p.tap('#case-2 >>> .card');
  expect(offerUrl()).toBeUndefined();
  expect(fake.calls('showToast')[0]!.title).toBe('请填写不按顺序安排的原因');

  fake.answer('showModal', { confirm: false, cancel: true });
  await p.tap('#case-2 >>> .card');
  expect(offerUrl()).toBeUndefined();
});

test('an empty queue says so', async () => {
  const p = await openQueue([]);
  expect(p.text()).toContain('暂无待预约的办件');
});
