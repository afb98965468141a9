import { installFakeWx, type FakeWx } from './support/fake-wx';
import { inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  fake.server.on('getInspection', inspectionView({ state: 'archived', stateLabel: '已归档', sessionCode: undefined, can: ['rateService'] }));
});

async function openRating(): Promise<LoadedPage> {
  const p = loadPage('pages/rating/rating');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

test('the rating is sent once with the stars and suggestions, even when 提交 is tapped twice', async () => {
  fake.server.on('rateService', inspectionView({
    state: 'archived', can: [], rating: { score: 4, suggestions: '希望提前一天提醒', ratedAt: '2026-06-16T01:00:00.000Z' },
  }));
  const p = await openRating();

  await p.tap('#star-4');
  expect(p.text()).toContain('4 分 · 满意');
  await p.type('#suggestions', '希望提前一天提醒');
  const submit = p.comp.querySelector('#submit')!;
  submit.dispatchEvent('tap');
  submit.dispatchEvent('tap');
  await settled();

  expect(fake.calls('showModal')).toHaveLength(1);
  expect(fake.server.sent('rateService')).toEqual([{ caseId: 'case-7', score: 4, suggestions: '希望提前一天提醒' }]);
  expect(p.text()).toContain('感谢您的评价');
  expect(p.text()).toContain('您的建议：希望提前一天提醒');
});

test('a rating needs a score', async () => {
  const p = await openRating();
  await p.tap('#submit');
  expect(p.text()).toContain('请轻触星星选择评分');
  expect(fake.server.sent('rateService')).toEqual([]);
});

test('a rating already given is shown, not asked for again', async () => {
  fake.server.on('getInspection', inspectionView({ state: 'archived', can: [], rating: { score: 5, ratedAt: '2026-06-16T01:00:00.000Z' } }));
  const p = await openRating();
  expect(p.text()).toContain('5 分 · 非常满意');
  expect(p.exists('#submit')).toBe(false);
});
