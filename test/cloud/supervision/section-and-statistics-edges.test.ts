import { PILOT_MATTERS } from '../../../cloudfunctions/src/catalogue/pilot-matters';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { ref } from '../../support/scenarios';

// Edges of the section head's workbench (which cases and which people it counts, in what order) and of the
// statistics' calendar (a count begun in the year before the range).

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const SECTION = remoteMatter.sectionCode;

describe('the section workbench', () => {
  test('counts only the section’s open cases, and lists as officers only its staff, by name', async () => {
    const open = await h.ok('staff', 'acceptCase', ref(await h.apply()));
    const decided = await h.ok('staff', 'acceptCase', ref(await h.apply('otherApplicant')));
    await forceCase(h, decided.id, { state: 'passed', decidedAt: h.clock.now().toISOString(), decision: 'pass' });
    const withdrawn = await h.apply();
    await h.ok('applicant', 'withdrawCase', { ...ref(withdrawn), reason: '企业决定暂不开展该项目' });
    const otherMatter = PILOT_MATTERS.find((m) => m.matter.sectionCode !== SECTION && m.matter.remoteAllowed)!.matter;
    await h.apply('otherApplicant', { matterCode: otherMatter.code });
    // A section head of the section who does not handle cases.
    await h.ok('admin', 'grantRoles', { openid: 'deputy', name: '孙科长', roles: ['sectionHead'], sectionCode: SECTION, reason: '任命副科长' });

    const bench = await h.ok('head', 'getSectionWorkbench', {});
    expect(bench).toMatchObject({ sectionCode: SECTION, unassigned: 0, overdue: 0 });
    expect(bench.states.filter((s) => s.count).map((s) => [s.label, s.count])).toEqual([['已受理', 1]]);
    expect(bench.officers).toEqual([
      { openid: 'head', name: '刘强', open: 0, overdue: 0 },
      { openid: 'staff', name: '王芳', open: 1, overdue: 0 },
      { openid: 'otherStaff', name: '赵磊', open: 0, overdue: 0 },
    ]);
    const listed = await h.ok('head', 'listSectionCases', {});
    expect(listed).toMatchObject({ total: 1, items: [expect.objectContaining({ id: open.id })] });
  });

  test('lists the open cases oldest first, whatever their state', async () => {
    h.clock.set('2026-06-12T01:00:00Z');
    const older = await h.apply();
    h.clock.set('2026-06-12T02:00:00Z');
    const newer = await h.ok('staff', 'acceptCase', ref(await h.apply('otherApplicant')));
    h.clock.set('2026-06-12T03:00:00Z');
    const newest = await h.apply();
    const listed = await h.ok('head', 'listSectionCases', {});
    expect(listed.items.map((c) => [c.id, c.stateLabel])).toEqual([[older.id, '待受理'], [newer.id, '已受理'], [newest.id, '待受理']]);
  });
});

describe('the statistics across a year’s end', () => {
  test('a case accepted in December and decided in January counts its working days over both years', async () => {
    h.clock.set('2025-12-29T02:00:00Z');
    const c = await h.apply();
    const patch: Partial<CaseRecord> = {
      state: 'passed', handlerId: 'staff', handlerName: '王芳', acceptedAt: '2025-12-30T02:00:00.000Z', decidedAt: '2026-01-06T02:00:00.000Z', decision: 'pass',
    };
    await forceCase(h, c.id, patch);
    h.clock.set('2026-06-12T01:30:00Z');
    const report = await h.ok('supervisor', 'getStatistics', { from: '2026-01', to: '2026-01' });
    // Wednesday 31 December, Sunday 4 January (a working day made up for 元旦), Monday 5 and Tuesday 6 January.
    expect(report.rows.find((r) => r.matterCode === null)).toMatchObject({ month: '2026-01', decided: 1, workingDaysMean: 4 });
  });
});
