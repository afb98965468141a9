import { ALL_ACTIONS } from '../../cloudfunctions/src/actions';
import { queryShapeOf, shapeKey } from '../../cloudfunctions/src/adapters/query-shapes';
import { createApi } from '../../cloudfunctions/src/api/router';
import { PILOT_MATTERS } from '../../cloudfunctions/src/catalogue/pilot-matters';
import { composeCloud } from '../../cloudfunctions/src/compose/cloud';
import { configFromEnv } from '../../cloudfunctions/src/config';
import { checklistId } from '../../cloudfunctions/src/domain/matter';
import type { Query } from '../../cloudfunctions/src/ports/store';
import { type CloudbaseStandin, initWxServerSdk, startCloudbaseStandin } from '../support/cloudbase-standin';
import { PEOPLE, remoteMatter, validCreditCode } from '../support/harness';

// The deployed composition (composeCloud: the CloudBase store and files over the real wx-server-sdk) against the
// CloudBase stand-in: an application from upload to acceptance and the lists each side reads, so the CloudBase
// store adapter answers the product's own queries here and records their shapes for the index check.

let standin: CloudbaseStandin;
let api: ReturnType<typeof createApi>;
let deps: ReturnType<typeof composeCloud>;
beforeAll(async () => {
  standin = await startCloudbaseStandin();
  deps = composeCloud(initWxServerSdk(standin), configFromEnv({}));
  const now = new Date().toISOString();
  for (const { matter, checklist } of PILOT_MATTERS) {
    await deps.store.insert('matters', matter.code, { ...matter, checklistVersion: 1 });
    await deps.store.insert('checklists', checklistId(matter.code, 1), { matterCode: matter.code, version: 1, items: checklist, publishedAt: now, publishedBy: 'seed' });
  }
  for (const [openid, p] of Object.entries(PEOPLE)) {
    await deps.store.insert('users', openid, { name: p.name, roles: p.roles, sectionCode: p.sectionCode, sectorCode: p.sectorCode, createdAt: now });
  }
  api = createApi(deps, ALL_ACTIONS);
}, 30_000);
afterEach(() => expect(standin.unsupported).toEqual([]));
afterAll(() => standin.close());

const ok = async <T>(who: string, action: string, payload: unknown): Promise<T> => {
  const r = await api({ action, payload }, who);
  if (!r.ok) throw new Error(`${action} as ${who}: ${r.code} ${r.message}`);
  return r.data as T;
};

test('over the CloudBase adapters: apply with an uploaded material, accept, and every side lists and reads the case', async () => {
  const { cloudPath } = await ok<{ cloudPath: string }>('applicant', 'requestUpload', { fileName: '营业执照.pdf', size: 12, purpose: 'material' });
  const { fileId } = await deps.files.put(cloudPath, Buffer.from('%PDF-1.4 cloud'));
  const applied = await ok<{ id: string; version: number; stateLabel: string }>('applicant', 'applyForInspection', {
    matterCode: remoteMatter.code, mode: 'remote', materialFileIds: [fileId],
    company: { name: '天津东丽宏达物业管理有限公司', creditCode: validCreditCode() }, applicantName: '张三', applicantPhone: '13812345678',
    premises: { address: '天津市东丽区津塘公路398号', latitude: 39.09, longitude: 117.31 },
  });
  expect(applied.stateLabel).toBe('待受理');
  const queue = await ok<{ items: { id: string }[] }>('staff', 'listSectionSubmissions', {});
  expect(queue.items.map((c) => c.id)).toEqual([applied.id]);
  await ok('staff', 'acceptCase', { caseId: applied.id, version: applied.version });

  expect((await ok<{ items: { id: string }[] }>('staff', 'listHandlerCases', {})).items.map((c) => c.id)).toEqual([applied.id]);
  const mine = await ok<{ items: { id: string; stateLabel: string }[] }>('applicant', 'listMyCases', {});
  expect(mine.items).toEqual([expect.objectContaining({ id: applied.id, stateLabel: '已受理' })]);
  const seen = await ok<{ timeline: { actionLabel: string }[] }>('applicant', 'getCase', { caseId: applied.id });
  expect(seen.timeline.map((t) => t.actionLabel)).toEqual(['提交申请', '受理']);
  expect(await ok('applicant', 'unreadCount', {})).toEqual({ unread: 1 });
  const inbox = await ok<{ items: { title: string }[] }>('applicant', 'listInbox', {});
  expect(inbox.items.map((m) => m.title)).toContain('您的申请已受理');
});

test('the CloudBase store hears every find and count it is asked, with the shape of each', async () => {
  const heard: string[] = [];
  const { CloudbaseStore } = await import('../../cloudfunctions/src/adapters/cloudbase/cloudbase-store');
  const store = new CloudbaseStore(initWxServerSdk(standin), (collection, query) => heard.push(shapeKey(queryShapeOf(collection, query))));
  const query: Query = { where: { applicantId: 'applicant', state: { op: 'in', value: ['submitted'] } }, orderBy: [['submittedAt', 'desc']] };
  await store.find('cases', query);
  await store.count('outbox', { to: 'applicant', read: false });
  expect(heard).toEqual(['cases where applicantId eq, state in order submittedAt desc', 'outbox where read eq, to eq order -']);
});
