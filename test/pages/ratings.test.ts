import type { RatingRow } from '../../typings/api';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { me } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const rating = (caseId: string, overrides: Partial<RatingRow> = {}): RatingRow => ({
  caseId, number: 'DL-20260520-0001', matterCode: 'SECONDARY_WATER', matterName: '二次供水单位卫生许可', month: '2026-05',
  score: 4, ratedAt: '2026-05-21T02:00:00.000Z', handlerName: '王芳', ...overrides,
});

async function open(): Promise<LoadedPage> {
  const p = loadPage('package-supervise/pages/ratings/ratings');
  p.page.onLoad({});
  await settled();
  return p;
}

test('ratings of the last three months with their mean; suggestions only at a tap; any month range', async () => {
  fake.server.on('listRatings', ({ withSuggestionsOnly }: { withSuggestionsOnly?: boolean }) => {
    const items = withSuggestionsOnly ? [rating('c1', { suggestions: '希望提前一天提醒' })] : [rating('c1', { suggestions: '希望提前一天提醒' }), rating('c2', { score: 5 })];
    return { items, total: items.length, offset: 0, limit: 10, mean: withSuggestionsOnly ? 4 : 4.5 };
  });
  const p = await open();
  const [first] = fake.server.sent('listRatings');
  expect(Number(first.to.slice(0, 4)) * 12 + Number(first.to.slice(5)) - (Number(first.from.slice(0, 4)) * 12 + Number(first.from.slice(5)))).toBe(2);
  expect(p.text()).toContain('平均 4.5 分（2 条评价，满分 5 分）');
  expect(p.text()).toContain('★★★★☆');
  expect(p.text()).toContain('希望提前一天提醒');
  expect(p.text()).toContain('2026年5月办结 · 2026-05-21 10:00评价');
  await p.tap('#suggestions-only');
  expect(fake.server.sent('listRatings').slice(-1)[0]).toMatchObject({ withSuggestionsOnly: true });
  expect(p.page.data.list.items).toHaveLength(1);
  p.page.onRange({ currentTarget: { dataset: { end: 'from' } }, detail: { value: '2025-06' } });
  await settled();
  expect(fake.server.sent('listRatings').slice(-1)[0]).toMatchObject({ from: '2025-06', withSuggestionsOnly: true });
});

test('an empty range says so, and staff find the page from 我的', async () => {
  fake.server.on('listRatings', { items: [], total: 0, offset: 0, limit: 10, mean: null });
  const p = await open();
  expect(p.text()).toContain('所选月份没有评价');

  fake.server.on('whoami', me(['staff'], '王芳'));
  const profile = loadPage('pages/profile/profile');
  profile.page.onLoad({});
  await settled();
  await profile.tap('#ratings');
  expect(fake.calls('navigateTo')[0]).toMatchObject({ url: '/package-supervise/pages/ratings/ratings' });
});
