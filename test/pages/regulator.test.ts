import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseView, me } from './support/fixtures';
import { evidence, inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';
import { inboxEntry, page } from './support/supervision-fixtures';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

async function open(path: string, query: Record<string, string> = {}): Promise<LoadedPage> {
  const p = loadPage(path);
  p.page.onLoad(query);
  await settled();
  return p;
}

const archive = { fileName: 'DL-20260612-0007-踏勘归档.pdf', sha256: 'a'.repeat(64), size: 350_000, generatedAt: '2026-06-15T03:00:05.000Z' };

const decidedCase = () => {
  fake.server
    .on('getCase', caseView({ state: 'archived', stateLabel: '已归档', can: ['getArchive'] }))
    .on('getInspection', inspectionView({
      state: 'archived', stateLabel: '已归档', sessionCode: undefined, can: ['getArchive'], archive, evidence: [evidence(1)],
      decisions: [{
        round: 1, outcome: 'pass', outcomeLabel: '通过', opinion: '现场条件符合要求', reasons: [], decidedByName: '王芳',
        decidedAt: '2026-06-15T03:00:00.000Z', afterDeadline: false,
      }],
    }));
};

test('the regulator inbox lists the cases pushed to the sector, newest first, and opens one', async () => {
  fake.server
    .on('whoami', me(['regulator'], '孙丽'))
    .on('listRegulatorInbox', page([inboxEntry(2, { outcome: 'fail', outcomeLabel: '不通过' }), inboxEntry(1)]));
  const p = await open('package-supervise/pages/regulator-inbox/regulator-inbox');

  expect(fake.server.sent('listRegulatorInbox')).toEqual([{ offset: 0, limit: 10 }]);
  const text = p.text();
  expect(text.indexOf('天津东丽第2供水有限公司')).toBeLessThan(text.indexOf('天津东丽第1供水有限公司'));
  expect(text).toContain('不通过');
  expect(text).toContain('推送于 2026-06-15 11:01');

  await p.tap('.item');
  expect(fake.calls('navigateTo')[0]!.url).toBe('/package-supervise/pages/regulator-case/regulator-case?id=case-2');
});

test('the inbox is closed to anyone but a regulator', async () => {
  fake.server.on('whoami', me());
  const p = await open('package-supervise/pages/regulator-inbox/regulator-inbox');
  expect(p.text()).toContain('监管收件箱仅供行业监管部门使用');
  expect(fake.server.sent('listRegulatorInbox')).toHaveLength(0);
});

test('the regulator reads a decided case and opens its archive PDF', async () => {
  decidedCase();
  fake.server.on('getArchive', { ...archive, downloadUrl: 'https://files.example/archive.pdf' });
  const p = await open('package-supervise/pages/regulator-case/regulator-case', { id: 'case-7' });

  expect(p.text()).toContain('现场条件符合要求');
  expect(p.text()).toContain('DL-20260612-0007-踏勘归档.pdf');
  expect(p.text()).toContain('踏勘证据（1 份）');

  await p.tap('#open-archive');
  expect(fake.server.sent('getArchive')).toEqual([{ caseId: 'case-7' }]);
  expect(fake.calls('downloadFile')[0]).toMatchObject({ url: 'https://files.example/archive.pdf' });
  expect(fake.calls('openDocument')[0]).toMatchObject({ filePath: 'wxfile://tmp/download', fileType: 'pdf' });
});

test('a revoked licence shows on the regulator case view', async () => {
  fake.server
    .on('getCase', caseView({ state: 'archived', stateLabel: '已撤销', revoked: true, revocation: { revokedAt: '2026-06-20T02:00:00.000Z', reason: '虚报地址' } }))
    .on('getInspection', inspectionView({ state: 'archived', sessionCode: undefined, can: [] }));
  const p = await open('package-supervise/pages/regulator-case/regulator-case', { id: 'case-7' });
  expect(p.text()).toContain('已撤销');
  expect(p.text()).toContain('行政许可已撤销2026-06-20 10:00：虚报地址');
  expect(p.text()).toContain('归档文件尚未生成');
});

test('the regulator reports a finding with its kind, severity, description and evidence', async () => {
  decidedCase();
  fake.server
    .on('requestUpload', { cloudPath: 'uploads/demo-user/evidence/20260620/cd-检查记录.pdf' })
    .on('reportFinding', { kindLabel: '提交虚假资料', severityLabel: '特别严重', caseNumber: 'DL-20260612-0007' });
  const p = await open('package-supervise/pages/regulator-case/regulator-case', { id: 'case-7' });
  await p.tap('#report');
  expect(fake.calls('navigateTo')[0]!.url).toBe('/package-supervise/pages/report-finding/report-finding?id=case-7');

  const form = await open('package-supervise/pages/report-finding/report-finding', { id: 'case-7' });
  await form.tap('#choice >>> #kind-falseMaterials');
  await form.tap('#choice >>> #severity-grave');
  await form.type('#description', '营业执照复印件系伪造');
  fake.answer('chooseMessageFile', { tempFiles: [{ path: 'wxfile://tmp/record.pdf', name: '检查记录.pdf', size: 4096 }] });
  await form.tap('#add-evidence');
  await form.tap('#submit');

  expect(fake.server.sent('reportFinding')).toEqual([{
    caseId: 'case-7', kind: 'falseMaterials', severity: 'grave', description: '营业执照复印件系伪造',
    evidenceFileIds: ['local://uploads/demo-user/evidence/20260620/cd-检查记录.pdf'],
  }]);
  expect(form.text()).toContain('已报告');
  expect(form.text()).toContain('DL-20260612-0007：提交虚假资料（特别严重）');
});
