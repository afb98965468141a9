import { creditCodeCheckChar } from '../../cloudfunctions/src/domain/credit-code';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';

// The product as `npm start` serves it, over HTTP, as the Mini Program's local transport calls it.

let rt: RunningRuntime;
beforeAll(async () => {
  rt = await startLocalRuntime();
}, 30_000);
afterAll(() => rt.stop());

test('the runtime answers its health check and seeds demo cases for the applicant', async () => {
  expect((await fetch(`${rt.url}/healthz`)).status).toBe(200);
  const mine = await rt.ok('demo-applicant', 'listMyCases', {});
  expect(mine.total).toBeGreaterThanOrEqual(3);
  expect(new Set(mine.items.map((c) => c.stateLabel))).toEqual(new Set(['待受理', '已受理', '退回补正', '待预约', '已预约']));
});

test('an applicant applies with an uploaded material, an officer accepts, and the applicant sees 已受理', async () => {
  const { cloudPath } = await rt.ok('demo-applicant', 'requestUpload', { fileName: '营业执照.pdf', size: 21, purpose: 'material' });
  const fileId = await rt.upload('demo-applicant', cloudPath, '营业执照.pdf', Buffer.from('%PDF-1.4 e2e material'));
  const matter = (await rt.ok('demo-applicant', 'listMatters', {})).find((m) => m.remoteAllowed && m.code === 'TJDL-HEA-002')!;
  const applied = await rt.ok('demo-applicant', 'applyForInspection', {
    matterCode: matter.code, mode: 'remote', materialFileIds: [fileId],
    company: { name: '天津东丽测试供水有限公司', creditCode: '91120110MA08E2E2X' + creditCodeCheckChar('91120110MA08E2E2X') },
    applicantName: '张三', applicantPhone: '13812345678',
    premises: { address: '天津市东丽区测试路1号', latitude: 39.1, longitude: 117.3 },
  });
  expect(applied.stateLabel).toBe('待受理');

  const queue = await rt.ok('demo-staff', 'listSectionSubmissions', {});
  expect(queue.items.map((c) => c.id)).toContain(applied.id);
  await rt.ok('demo-staff', 'acceptCase', { caseId: applied.id, version: applied.version });

  const seen = await rt.ok('demo-applicant', 'getCase', { caseId: applied.id });
  expect(seen.stateLabel).toBe('已受理');
  expect(seen.handlerName).toBe('王芳');
  expect(seen.timeline.map((t) => t.actionLabel)).toEqual(['提交申请', '受理']);
});

test('the dev identity header is the only identity: without it the api refuses', async () => {
  const res = await fetch(`${rt.url}/functions/api`, { method: 'POST', body: JSON.stringify({ action: 'whoami', payload: {} }) });
  expect(await res.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
});

test('an upload outside the caller\'s own folder is refused', async () => {
  await expect(rt.upload('demo-applicant', 'uploads/demo-staff/material/x.pdf', 'x.pdf', Buffer.from('x'))).rejects.toThrow(/upload failed/);
});
