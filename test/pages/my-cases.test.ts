import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseSummary } from './support/fixtures';
import { loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

test('my cases shows the empty state when the applicant has none', async () => {
  fake.server.on('listMyCases', { items: [], total: 0, offset: 0, limit: 10 });
  const p = loadPage('pages/my-cases/my-cases');
  p.page.onLoad({});
  await settled();

  expect(p.text()).toContain('还没有办件');
  await p.tap('#empty >>> .empty__btn');
  expect(fake.calls('switchTab')[0]!.url).toBe('/pages/home/home');
});

test('my cases loads more and appends the next page below the first', async () => {
  const all = Array.from({ length: 12 }, (_, i) => caseSummary(i + 1));
  fake.server.on('listMyCases', ({ offset, limit }: { offset: number; limit: number }) => ({
    items: all.slice(offset, offset + limit),
    total: all.length,
    offset,
    limit,
  }));
  const p = loadPage('pages/my-cases/my-cases');
  p.page.onLoad({});
  await settled();
  expect(p.page.data.list.items).toHaveLength(10);
  expect(p.text()).toContain('上拉加载更多');
  // China time: 01:30 UTC is 09:30 in Tianjin.
  expect(p.text()).toContain('提交于 2026-06-12 09:30');

  const setData = jest.spyOn(p.page, 'setData');
  p.page.onReachBottom();
  await settled();

  expect(fake.server.sent('listMyCases')).toEqual([
    { offset: 0, limit: 10 },
    { offset: 10, limit: 10 },
  ]);
  expect(p.page.data.list.items.map((c: { id: string }) => c.id)).toEqual(all.map((c) => c.id));
  expect(p.text()).toContain('天津东丽第12供水有限公司');
  expect(p.text()).toContain('共 12 件，已全部显示');
  // Appended by path: the first ten are not sent again.
  const keys = setData.mock.calls.flatMap(([data]) => Object.keys(data as object));
  expect(keys).toEqual(expect.arrayContaining(['list.items[10]', 'list.items[11]']));
  expect(keys).not.toContain('list.items');

  p.page.onReachBottom();
  await settled();
  expect(fake.server.sent('listMyCases')).toHaveLength(2);
});

test('my cases shows the failure with a retry that loads again', async () => {
  fake.server.refuse('listMyCases', 'INTERNAL', '服务繁忙，请稍后再试');
  const p = loadPage('pages/my-cases/my-cases');
  p.page.onLoad({});
  await settled();
  expect(p.text()).toContain('服务繁忙，请稍后再试');

  fake.server.on('listMyCases', { items: [caseSummary(1)], total: 1, offset: 0, limit: 10 });
  await p.tap('#loading >>> #retry');
  expect(p.text()).toContain('天津东丽第1供水有限公司');
});
