import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';

// Which cases the statistics load for a range (application/statistics.ts): those submitted in it, and those decided
// in it whatever their mode, though submitted before; and the ranges refused, in words.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

async function seeded(submittedAt: string, mode: 'remote' | 'onsite', patch: Partial<CaseRecord>): Promise<void> {
  h.clock.set(submittedAt);
  const c = await h.apply('applicant', mode === 'onsite' ? { mode: 'onsite' } : {});
  await forceCase(h, c.id, patch);
}

test('a month counts cases submitted on its last day, and on-site and remote cases decided in it though submitted before', async () => {
  const decided = (decidedAt: string) => ({ state: 'passed' as const, handlerId: 'staff', acceptedAt: '2026-04-29T02:00:00.000Z', decidedAt, decision: 'pass' as const });
  await seeded('2026-04-28T01:00:00Z', 'onsite', decided('2026-05-06T02:00:00.000Z'));
  await seeded('2026-04-28T02:00:00Z', 'remote', decided('2026-05-07T02:00:00.000Z'));
  await seeded('2026-05-31T02:00:00Z', 'remote', {});
  h.clock.set('2026-06-12T01:30:00Z');
  const report = await h.ok('supervisor', 'getStatistics', { from: '2026-05', to: '2026-05' });
  expect(report.rows[0]).toMatchObject({ month: '2026-05', matterCode: null, received: 1, decided: 2, firstTimePassRate: 1 });
});

test('a range running backwards, or longer than 24 months, is refused in words; 24 months are not', async () => {
  h.clock.set('2026-06-12T01:30:00Z');
  expect(await h.call('supervisor', 'getStatistics', { from: '2026-06', to: '2026-05' })).toMatchObject({ ok: false, code: 'VALIDATION', message: '起始月份不能晚于结束月份' });
  expect(await h.call('supervisor', 'getStatistics', { from: '2025-05', to: '2027-05' })).toMatchObject({ ok: false, code: 'VALIDATION', message: '一次最多统计 24 个月' });
  const longest = await h.ok('supervisor', 'getStatistics', { from: '2025-06', to: '2027-05' });
  expect(longest.rows.filter((r) => r.matterCode === null)).toHaveLength(24);
});

test('a range reaching back before the product counts on the notices seeded (2024 on); a year no notice or rule covers is refused in words', async () => {
  h.clock.set('2026-06-12T01:30:00Z');
  const back = await h.ok('supervisor', 'getStatistics', { from: '2024-06', to: '2026-05' });
  expect(back.rows.filter((r) => r.matterCode === null).map((r) => r.month).slice(0, 2)).toEqual(['2024-06', '2024-07']);
  const before = await h.call('supervisor', 'getStatistics', { from: '2023-06', to: '2024-05' });
  expect(before).toEqual({ ok: false, code: 'VALIDATION', message: '2023年的节假日安排尚未录入，无法按工作日计算；请管理员在「工作日历」中录入该年的国务院通知' });
});
