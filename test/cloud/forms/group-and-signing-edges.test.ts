import { type Harness, makeHarness } from '../../support/harness';
import { MONDAY_10, prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';
import { registered } from '../../support/scenarios/claims';

// Edges of the group: who is a member of it by their part in the case, whatever roles they hold now.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('an observer sent to the case stays a member of its group after leaving the supervisors', async () => {
  const c = await prepared.accepted(h);
  await h.ok('supervisor', 'assignObserver', { ...ref(c), observerOpenid: 'supervisor' });
  await h.ok('admin', 'grantRoles', { openid: 'supervisor', name: '陈静', roles: [], reason: '调离政策法规科' });
  const group = await h.ok('supervisor', 'getGroup', { caseId: c.id });
  expect(group.members.map((m) => [m.role, m.roleLabel, m.me])).toEqual([
    ['applicant', '申请人', false], ['handler', '经办人', false], ['observer', '观察员', true],
  ]);
  expect(await h.ok('supervisor', 'listGroupMessages', { caseId: c.id })).toMatchObject({ total: 0 });
  // Someone who never was sent to it is not.
  expect(await h.call('regulator', 'getGroup', { caseId: c.id })).toEqual({ ok: false, code: 'FORBIDDEN', message: '您不是该踏勘群的成员' });
});

test('a counter case accepted before anyone claimed it has a group of its handler alone', async () => {
  const { case: c } = await registered(h);
  const accepted = await h.ok('otherStaff', 'acceptCase', { caseId: c.id, version: c.version });
  const group = await h.ok('otherStaff', 'getGroup', { caseId: c.id });
  expect(group.members.map((m) => [m.role, m.me, m.label])).toEqual([['handler', true, accepted.groupLabel]]);
});

test('the ready queue shows the officer the times an applicant asked for instead of the ones offered', async () => {
  const c = await prepared.ready(h);
  await h.ok('staff', 'offerSlots', { ...ref(c), starts: [MONDAY_10] });
  const offered = await h.ok('applicant', 'getCase', { caseId: c.id });
  await h.ok('applicant', 'requestOtherTimes', { caseId: c.id, version: offered.version, note: '下周三上午方便' });
  const [item] = (await h.ok('staff', 'getReadyQueue', {})).items;
  expect(item).toMatchObject({ id: c.id, slotsOffered: false, otherTimesRequest: { note: '下周三上午方便', at: h.clock.now().toISOString() } });
});
