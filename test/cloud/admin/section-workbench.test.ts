import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { ref } from '../../support/scenarios';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const SECTION = remoteMatter.sectionCode;

test('the section head sees the section’s open cases by state and officer, the overdue ones, and reassigns from the list', async () => {
  const a = await h.ok('staff', 'acceptCase', ref(await h.apply()));
  const b = await h.ok('staff', 'acceptCase', ref(await h.apply('otherApplicant')));
  await h.apply('applicant'); // submitted, nobody's yet
  await forceCase(h, b.id, {
    state: 'rectifying',
    rectification: { round: 1, items: [], workingDays: 10, setAt: '2026-05-20T02:00:00.000Z', deadline: '2026-06-03T15:59:59.999Z', reinspectionRequestedAt: null },
  });

  const bench = await h.ok('head', 'getSectionWorkbench', {});
  expect(bench).toMatchObject({ sectionCode: SECTION, unassigned: 1, overdue: 1 });
  expect(bench.states.filter((s) => s.count).map((s) => [s.label, s.count])).toEqual([['待受理', 1], ['已受理', 1], ['限期整改', 1]]);
  expect(bench.officers.find((o) => o.name === '王芳')).toEqual({ openid: 'staff', name: '王芳', open: 2, overdue: 1 });
  expect(bench.officers.find((o) => o.name === '赵磊')).toMatchObject({ open: 0, overdue: 0 });

  const overdue = await h.ok('head', 'listSectionCases', { overdueOnly: true });
  expect(overdue.items).toEqual([expect.objectContaining({ id: b.id, handlerName: '王芳', overdue: '整改期限6月3日已过，待作出决定' })]);
  const mine = await h.ok('head', 'listSectionCases', { handlerId: 'staff', state: 'accepted' });
  expect(mine.items.map((c) => c.id)).toEqual([a.id]);

  const row = mine.items[0]!;
  await h.ok('head', 'reassignCase', { caseId: row.id, version: row.version, toOpenid: 'otherStaff', reason: '王芳休假' });
  expect((await h.ok('head', 'getSectionWorkbench', {})).officers.find((o) => o.name === '赵磊')).toMatchObject({ open: 1 });
});

test('a section head sees only their own section; an admin names one', async () => {
  expect(await h.call('head', 'listSectionCases', { sectionCode: 'SEC-OTHER' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await h.call('admin', 'getSectionWorkbench', {})).toMatchObject({ ok: false, code: 'VALIDATION', message: '请指明要查看哪个科室' });
  expect((await h.ok('admin', 'getSectionWorkbench', { sectionCode: SECTION })).sectionCode).toBe(SECTION);
});
