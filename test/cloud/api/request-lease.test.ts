import { createHash } from 'node:crypto';
import { REQUEST_LEASE_MS } from '../../../cloudfunctions/src/api/router';
import { FUNCTIONS } from '../../../cloudfunctions/src/deploy/functions';
import { type Harness, makeHarness, remoteMatter, validCreditCode } from '../../support/harness';

// A call the platform kills (timeout, out of memory) never reaches its own clean-up, so its request-id claim stays
// pending. The claim's lease lets the retry through once the killed call cannot still be running.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const REQUEST_ID = 'retry-after-kill-01';

/** What runOnce leaves behind when its call is killed after claiming. */
async function leaveKilledClaim(openid: string, action: string): Promise<void> {
  const key = createHash('sha256').update(`${openid}\n${REQUEST_ID}`).digest('hex');
  const at = h.clock.now();
  await h.deps.store.insert('requests', key, {
    openid, action, status: 'pending', at: at.toISOString(), leaseUntil: new Date(at.getTime() + REQUEST_LEASE_MS).toISOString(),
  });
}

async function applyPayload() {
  const fileId = await h.uploadMaterial('applicant');
  return {
    matterCode: remoteMatter.code, mode: 'remote' as const, materialFileIds: [fileId],
    company: { name: '天津东丽宏达物业管理有限公司', creditCode: validCreditCode() },
    applicantName: '张三', applicantPhone: '13812345678',
    premises: { address: '天津市东丽区津塘公路398号', latitude: 39.0892, longitude: 117.3121 },
  };
}

test('the lease outlasts the longest a call can run', () => {
  const api = FUNCTIONS.find((f) => f.name === 'api')!;
  expect(REQUEST_LEASE_MS).toBeGreaterThan(api.timeoutSeconds * 1000);
});

test('a killed call blocks its retry only until its lease runs out; the retry then applies once', async () => {
  const payload = await applyPayload();
  await leaveKilledClaim('applicant', 'applyForInspection');

  expect(await h.call('applicant', 'applyForInspection', payload, REQUEST_ID)).toMatchObject({ ok: false, code: 'IN_PROGRESS' });
  h.clock.advance(REQUEST_LEASE_MS - 1000);
  expect(await h.call('applicant', 'applyForInspection', payload, REQUEST_ID)).toMatchObject({ ok: false, code: 'IN_PROGRESS' });

  h.clock.advance(1000);
  const retried = await h.ok('applicant', 'applyForInspection', payload, REQUEST_ID);
  // Answered from the record from now on, and applied only once.
  expect(await h.ok('applicant', 'applyForInspection', payload, REQUEST_ID)).toEqual(retried);
  expect(await h.deps.store.count('cases', { applicantId: 'applicant' })).toBe(1);
});

test('two retries after the lease ran out: one takes the claim over, the other is told to wait', async () => {
  const payload = await applyPayload();
  await leaveKilledClaim('applicant', 'applyForInspection');
  h.clock.advance(REQUEST_LEASE_MS);
  const answers = await Promise.all([
    h.call('applicant', 'applyForInspection', payload, REQUEST_ID),
    h.call('applicant', 'applyForInspection', payload, REQUEST_ID),
  ]);
  expect(answers.map((a) => (a.ok ? 'ok' : a.code)).sort()).toEqual(['IN_PROGRESS', 'ok']);
  expect(await h.deps.store.count('cases', { applicantId: 'applicant' })).toBe(1);
});

test('a live claim of another action is still refused as a reused id, lease or not', async () => {
  const payload = await applyPayload();
  await leaveKilledClaim('applicant', 'updateProfile');
  h.clock.advance(REQUEST_LEASE_MS * 2);
  expect(await h.call('applicant', 'applyForInspection', payload, REQUEST_ID)).toMatchObject({ ok: false, code: 'DUPLICATE' });
});
