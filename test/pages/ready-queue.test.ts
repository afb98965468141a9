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

test('taking a later case first says which wait and opens the offer, where the reason is typed', async () => {
  fake.answer('showModal', { confirm: true });
  const p = await openQueue([entry(1), entry(2), entry(3)]);
  await p.tap('#case-3 >>> .card');

  const modal = fake.calls('showModal')[0]!;
  expect(modal).toMatchObject({ title: '不按受理顺序安排' });
  // Not an editable dialog: WeChat would put its own instruction into the input as the reason.
  expect(modal.editable).toBeFalsy();
  expect(modal.content).toContain('DL-20260612-0001、DL-20260612-0002');
  expect(offerUrl()).toBe('/package-staff/pages/offer-slots/offer-slots?id=case-3&ahead=2');
});

test('declining keeps the later case closed', async () => {
  fake.answer('showModal', { confirm: false, cancel: true });
  const p = await openQueue([entry(1), entry(2)]);
  await p.tap('#case-2 >>> .card');
  expect(offerUrl()).toBeUndefined();
});

test('an empty queue says so', async () => {
  const p = await openQueue([]);
  expect(p.text()).toContain('暂无待预约的办件');
});
