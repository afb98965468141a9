import type { AuditEntry } from '../../../cloudfunctions/src/domain/case';
import { type Harness, makeHarness, remoteMatter, validCreditCode } from '../../support/harness';

// What every audit entry records of who did it and through which request: an auditor reads the actor by name
// (an applicant who has not given one is 申请人) and ties an entry to the request that made it.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const application = (fileId: string) => ({
  matterCode: remoteMatter.code, mode: 'remote' as const, materialFileIds: [fileId],
  company: { name: '天津东丽宏达物业管理有限公司', creditCode: validCreditCode() },
  applicantName: '赵六', applicantPhone: '13812345678',
  premises: { address: '天津市东丽区津塘公路398号', latitude: 39.0892, longitude: 117.3121 },
});

test('an application sent with a request id is audited with that id, under the caller who has no name on file as 申请人', async () => {
  const fileId = await h.uploadMaterial('newcomer');
  const requestId = 'a1b2c3d4-0000-4000-8000-000000000001';
  const r = await h.call('newcomer', 'applyForInspection', application(fileId), requestId);
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
  const entry = await h.deps.store.get<AuditEntry>('audit', `${(r.data as { id: string }).id}:1`);
  expect(entry).toMatchObject({ actorId: 'newcomer', actorName: '申请人', requestId, at: h.clock.now().toISOString() });
});

test('an application sent without a request id is audited without one, under the name on file', async () => {
  const view = await h.apply('applicant');
  const entry = await h.deps.store.get<AuditEntry>('audit', `${view.id}:1`);
  expect(entry).not.toHaveProperty('requestId');
  expect(entry).toMatchObject({ actorId: 'applicant', actorName: '张三' });
});
