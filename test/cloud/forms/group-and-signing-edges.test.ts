import { type Harness, makeHarness } from '../../support/harness';
import { prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';

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
