import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { decidedCase } from '../../support/supervision-fixtures';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('ratings and suggestions are listed by the month of decision and by matter, newest first, with their mean', async () => {
  const may = await decidedCase(h, '2026-05-20T02:00:00.000Z');
  const june = await decidedCase(h, '2026-06-02T02:00:00.000Z', {}, 'otherApplicant');
  await decidedCase(h, '2026-05-21T02:00:00.000Z'); // not rated
  await h.ok('applicant', 'rateService', { caseId: may._id, score: 4, suggestions: '希望提前一天提醒' });
  h.clock.advance(60_000);
  await h.ok('otherApplicant', 'rateService', { caseId: june._id, score: 5 });

  const both = await h.ok('supervisor', 'listRatings', { from: '2026-05', to: '2026-06' });
  expect(both).toMatchObject({ total: 2, mean: 4.5 });
  expect(both.items.map((r) => [r.number, r.month, r.score, r.suggestions ?? null])).toEqual([
    [june.number, '2026-06', 5, null],
    [may.number, '2026-05', 4, '希望提前一天提醒'],
  ]);
  expect((await h.ok('supervisor', 'listRatings', { from: '2026-05', to: '2026-05' })).items.map((r) => r.caseId)).toEqual([may._id]);
  expect((await h.ok('staff', 'listRatings', { from: '2026-05', to: '2026-06', withSuggestionsOnly: true })).items.map((r) => r.caseId)).toEqual([may._id]);
  expect((await h.ok('supervisor', 'listRatings', { from: '2026-05', to: '2026-06', matterCode: 'NO-SUCH-MATTER' })).total).toBe(0);
  expect((await h.ok('supervisor', 'listRatings', { from: '2026-05', to: '2026-06', matterCode: remoteMatter.code })).total).toBe(2);
});

test('an officer reads only their section’s ratings', async () => {
  const c = await decidedCase(h, '2026-05-20T02:00:00.000Z');
  await h.ok('applicant', 'rateService', { caseId: c._id, score: 3 });
  expect((await h.ok('staff', 'listRatings', { from: '2026-05', to: '2026-05' })).total).toBe(1);
  expect((await h.ok('foreignStaff', 'listRatings', { from: '2026-05', to: '2026-05' })).total).toBe(0);
  expect(await h.call('supervisor', 'listRatings', { from: '2026-06', to: '2026-05' })).toMatchObject({ ok: false, code: 'VALIDATION' });
});
