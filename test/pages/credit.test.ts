import { installFakeWx, type FakeWx } from './support/fake-wx';
import { type LoadedPage, loadPage, settled } from './support/load-page';
import { listing, myCredit } from './support/supervision-fixtures';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

async function openCredit(): Promise<LoadedPage> {
  const p = loadPage('pages/credit/credit');
  p.page.onLoad({});
  await settled();
  return p;
}

test('an active blacklisting is shown first, with its period and what it means', async () => {
  fake.server.on('listMyCreditRecords', myCredit());
  const p = await openCredit();

  const listed = p.comp.querySelector('#in-force')!.dom!.textContent;
  expect(listed).toContain('正在失信黑名单中');
  expect(listed).toContain('不能选择远程视频踏勘');
  expect(listed).toContain('天津东丽第2供水有限公司（企业） · 生效中');
  expect(listed).toContain('列入期间：2026-06-10 至 2027-06-10');
  expect(p.text()).toContain('处理措施：记入诚信档案、列入失信黑名单');
  expect(p.text()).toContain('什么是信用修复');
});

test('a lifted listing is history, not a current restriction', async () => {
  fake.server.on('listMyCreditRecords', myCredit({
    records: [],
    blacklistings: [listing({ status: 'lifted', statusLabel: '已信用修复', liftedAt: '2026-08-01T02:00:00.000Z', liftReason: '已按期改正' })],
  }));
  const p = await openCredit();
  expect(p.exists('#in-force')).toBe(false);
  expect(p.text()).toContain('已结束的失信黑名单记录');
  expect(p.text()).toContain('2026-08-01 已信用修复：已按期改正');
});

test('someone with no records is told so plainly', async () => {
  fake.server.on('listMyCreditRecords', { records: [], blacklistings: [] });
  const p = await openCredit();
  expect(p.comp.querySelector('#clean')!.dom!.textContent).toContain('没有诚信档案记录，也不在失信黑名单中');
});

test('a failed load offers 重试', async () => {
  fake.server.refuse('listMyCreditRecords', 'INTERNAL', '服务暂不可用，请稍后重试');
  const p = await openCredit();
  expect(p.text()).toContain('服务暂不可用，请稍后重试');
  fake.server.on('listMyCreditRecords', myCredit());
  await p.tap('#loading >>> #retry');
  expect(p.text()).toContain('正在失信黑名单中');
});

test('a correction deadline counted on the statutory holidays says so, without codes', async () => {
  const [record] = myCredit().records;
  fake.server.on('listMyCreditRecords', myCredit({
    records: [
      { ...record!, id: 'f-2-company', measures: ['记入诚信档案', '责令限期改正'], correctionDeadline: '2027-01-05T15:59:59.999Z', correctionDeadlineProvisional: true },
      { ...record!, id: 'f-1-company', measures: ['记入诚信档案', '责令限期改正'], correctionDeadline: '2026-06-17T15:59:59.999Z' },
    ],
  }));
  const p = await openCredit();
  expect(p.text()).toContain('请于 2027-01-05 前改正（该日期按法定假日暂算，国务院通知发布后可能调整）');
  expect(p.text()).toContain('请于 2026-06-17 前改正；');
  expect(p.text()).not.toContain('correctionDeadlineProvisional');
});
