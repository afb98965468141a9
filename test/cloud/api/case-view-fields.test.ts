import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { type Harness, makeHarness } from '../../support/harness';
import { ref } from '../../support/scenarios';
import { registered } from '../../support/scenarios/claims';

// The fields of a case's view that only some cases or some callers have: each appears when the case holds it and
// the caller may read it, and not otherwise.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('the applicant’s list shows when a case was accepted, once it was', async () => {
  const c = await h.apply();
  expect((await h.ok('applicant', 'listMyCases', {})).items[0]).not.toHaveProperty('acceptedAt');
  const accepted = await h.ok('staff', 'acceptCase', ref(c));
  expect((await h.ok('applicant', 'listMyCases', {})).items[0]).toMatchObject({ id: c.id, acceptedAt: accepted.acceptedAt });
});

test('a withdrawn case shows the reason the applicant gave', async () => {
  const c = await h.apply();
  await h.ok('applicant', 'withdrawCase', { ...ref(c), reason: '企业决定暂不开展该项目' });
  expect(await h.ok('staff', 'getCase', { caseId: c.id })).toMatchObject({ state: 'withdrawn', withdrawReason: '企业决定暂不开展该项目' });
});

test('an officer of the section who is not its head, nor the handler, sees who handles the case; the applicant does not', async () => {
  const c = await h.apply();
  await h.ok('staff', 'acceptCase', ref(c));
  expect(await h.ok('otherStaff', 'getCase', { caseId: c.id })).toMatchObject({ handlerOpenid: 'staff' });
  expect(await h.ok('applicant', 'getCase', { caseId: c.id })).not.toHaveProperty('handlerOpenid');
});

test('a counter registration shows the office when its claim expires, the applicant’s e-mail, and when it was claimed', async () => {
  const receipt = await registered(h, { applicantEmail: 'wang.wu@example.com' });
  const stored = (await h.deps.store.get<CaseRecord>('cases', receipt.case.id))!;
  const before = await h.ok('staff', 'getCase', { caseId: receipt.case.id });
  expect(before.intake).toMatchObject({ applicantEmail: 'wang.wu@example.com', claimExpiresAt: stored.registration!.claimExpiresAt });
  expect(before.intake).not.toHaveProperty('claimedAt');
  await h.ok('applicant', 'claimCase', { code: receipt.claim.code, creditCode: receipt.case.company.creditCode, phoneTail: '5678' });
  const after = await h.ok('staff', 'getCase', { caseId: receipt.case.id });
  expect(after.intake).toMatchObject({ claimedAt: h.clock.now().toISOString() });
  expect(after.intake).not.toHaveProperty('claimExpiresAt');
});
