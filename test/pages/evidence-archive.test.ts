import { installFakeWx, type FakeWx } from './support/fake-wx';
import { evidence, inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

async function openEvidence(view = inspectionView()): Promise<LoadedPage> {
  fake.server.on('getInspection', view);
  const p = loadPage('package-staff/pages/evidence/evidence');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

const archived = () =>
  inspectionView({
    state: 'archived', sessionCode: undefined, can: ['verifyEvidence', 'getArchive'],
    evidence: [evidence(1), evidence(2, { kind: 'live-photo', kindLabel: '现场照片', capturedAt: '2026-06-15T02:06:30.000Z' })],
    chainHead: { seq: 2, entryHash: 'f'.repeat(64) },
    archive: { fileName: 'DL-20260612-0007-踏勘归档.pdf', sha256: 'a'.repeat(64), size: 350_000, generatedAt: '2026-06-15T03:00:05.000Z' },
  });

test('a clean chain is reported complete', async () => {
  fake.server.on('verifyEvidence', { caseId: 'case-7', checkedAt: '2026-06-16T01:00:00.000Z', ok: true, records: 2, head: { seq: 2, entryHash: 'f'.repeat(64) }, problems: [] });
  const p = await openEvidence(archived());
  expect(p.text()).toContain('SHA-256：' + '2'.repeat(64));
  expect(p.text()).toContain('小程序内拍摄于 2026-06-15 10:06:30');

  await p.tap('#verify');
  expect(p.text()).toContain('证据链完整：已核验 2 条记录，未发现改动或缺失');
});

test('each problem the verification finds is named in Chinese with its record', async () => {
  fake.server.on('verifyEvidence', {
    caseId: 'case-7', checkedAt: '2026-06-16T01:00:00.000Z', ok: false, records: 2, problems: [
      { code: 'FILE_CHANGED', seq: 1, fileId: 'cloud://x/1.jpg', message: '第 1 条证据的文件内容与记录的哈希值不一致' },
      { code: 'ENTRY_MISSING', seq: 2, message: '第 2 条证据记录缺失' },
    ],
  });
  const p = await openEvidence(archived());
  await p.tap('#verify');

  const text = p.comp.querySelector('#verification')!.dom!.textContent;
  expect(text).toContain('发现 2 处问题');
  expect(text).toContain('文件被改动（第 1 条）');
  expect(text).toContain('第 1 条证据的文件内容与记录的哈希值不一致');
  expect(text).toContain('记录缺失（第 2 条）');
});

test('the archive PDF is fetched and opened for printing', async () => {
  fake.server.on('getArchive', { fileName: 'a.pdf', sha256: 'a'.repeat(64), size: 350_000, generatedAt: '2026-06-15T03:00:05.000Z', downloadUrl: 'https://files.example/archive.pdf' });
  const p = await openEvidence(archived());
  await p.tap('#open-archive');

  expect(fake.server.sent('getArchive')).toEqual([{ caseId: 'case-7' }]);
  expect(fake.calls('downloadFile')[0]).toMatchObject({ url: 'https://files.example/archive.pdf' });
  expect(fake.calls('openDocument')[0]).toMatchObject({ fileType: 'pdf', showMenu: true });
});

test('the handler marks a piece of evidence superseded with a reason typed in the dialog; nothing is deleted', async () => {
  const view = inspectionView({ can: ['verifyEvidence', 'supersedeEvidence'], evidence: [evidence(1), evidence(2)] });
  fake.answer('showModal', { confirm: true, content: '画面模糊，已重新拍摄' });
  fake.server.on('supersedeEvidence', inspectionView({
    can: ['verifyEvidence', 'supersedeEvidence'],
    evidence: [evidence(1, { superseded: { bySeq: 3, reason: '画面模糊，已重新拍摄', at: '2026-06-15T02:10:00.000Z' } }), evidence(2)],
  }));
  const p = await openEvidence(view);
  await p.tap('#supersede-1');
  expect(fake.calls('showModal')[0]).toMatchObject({ title: '作废第 1 条证据', editable: true });
  expect(fake.server.sent('supersedeEvidence')).toEqual([{ caseId: 'case-7', seq: 1, reason: '画面模糊，已重新拍摄' }]);
  expect(p.exists('#supersede-1')).toBe(false);
  expect(p.exists('#supersede-2')).toBe(true);
  expect(fake.calls('previewImage')).toHaveLength(0);
});

test('no one but the handler sees 标记作废', async () => {
  const p = await openEvidence(archived());
  expect(p.exists('#supersede-1')).toBe(false);
});
