import { type CloudStorage, cloudFileId, installCloudStorage } from './support/cloud-storage';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseView, me } from './support/fixtures';
import { evidence, inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

// Pages in cloud mode (a release build) against storage that applies the rules: a case file opens only through the
// api's short-lived link, and a link that has expired is asked for again. A page that bypassed the link (the old
// wx.cloud.downloadFile) would fail here as it would on a phone.

let fake: FakeWx;
let storage: CloudStorage;

const MATERIAL = cloudFileId('cases/case-7/materials/1-营业执照.pdf');
const PHOTO = cloudFileId('uploads/staff/evidence/20260615/现场照片.jpg');
const ARCHIVE = cloudFileId('cases/case-7/archive/DL-20260612-0007.pdf');

/** The staff case review of case-7, with one material. */
async function openReview(): Promise<LoadedPage> {
  fake.server.on('whoami', me(['staff'], '王芳')).on('getCase', caseView({
    id: 'case-7', version: 3, materials: [{ fileId: MATERIAL, name: '营业执照.pdf', size: 204800, uploadedAt: '2026-06-12T01:20:00.000Z' }],
  }));
  const p = loadPage('package-staff/pages/case-review/case-review');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

beforeEach(() => {
  fake = installFakeWx();
  storage = installCloudStorage(fake, 'staff');
  for (const id of [MATERIAL, PHOTO, ARCHIVE]) storage.put(id);
  // The api's getFileUrl: the case's own check, then a temporary URL with an explicit lifetime.
  fake.server.on('getFileUrl', ({ fileId }: { fileId: string }) => ({ url: storage.tempUrl(fileId, 600) }));
});

test('staff open a material from the case review: through getFileUrl\'s link, never wx.cloud.downloadFile', async () => {
  const p = await openReview();

  await p.tap('.material');

  expect(fake.server.sent('getFileUrl')).toEqual([{ caseId: 'case-7', fileId: MATERIAL }]);
  expect(fake.calls('cloud.downloadFile')).toHaveLength(0);
  expect(fake.calls('openDocument')).toEqual([expect.objectContaining({ filePath: 'wxfile://tmp/1-营业执照.pdf' })]);
  expect(fake.calls('showToast')).toHaveLength(0);
});

test('an evidence photo opens through a fresh link, and after the first link expired a new one is fetched', async () => {
  fake.server.on('getInspection', inspectionView({ evidence: [evidence(1, { fileName: '现场照片.jpg', fileId: PHOTO })] }));
  const p = loadPage('package-staff/pages/evidence/evidence');
  p.page.onLoad({ id: 'case-7' });
  await settled();

  await p.tap('.evidence');
  expect(fake.calls('previewImage')).toEqual([expect.objectContaining({ urls: ['wxfile://tmp/现场照片.jpg'] })]);

  // A page left open: the link it would reuse is past its ten minutes; the service asks again instead of failing.
  let handedOut = 0;
  fake.server.on('getFileUrl', ({ fileId }: { fileId: string }) => {
    handedOut++;
    const url = storage.tempUrl(fileId, handedOut === 1 ? 1 : 600);
    storage.advance(handedOut === 1 ? 2 : 0);
    return { url };
  });
  await p.tap('.evidence');
  expect(handedOut).toBe(2);
  expect(fake.calls('downloadFile').slice(-2).map((c) => c.url)).toHaveLength(2);
  expect(fake.calls('previewImage')).toHaveLength(2);
  expect(fake.calls('showToast')).toHaveLength(0);
});

test('the archive opens through getArchive\'s link, fetched again when it has expired', async () => {
  let asked = 0;
  fake.server.on('getArchive', () => {
    asked++;
    const downloadUrl = storage.tempUrl(ARCHIVE, 600);
    if (asked === 1) storage.advance(601);
    return { fileName: 'a.pdf', sha256: 'a'.repeat(64), size: 350_000, generatedAt: '2026-06-15T03:00:05.000Z', downloadUrl };
  });
  fake.server.on('getInspection', inspectionView({ state: 'archived', can: ['verifyEvidence', 'getArchive'], archive: { fileName: 'a.pdf', sha256: 'a'.repeat(64), size: 350_000, generatedAt: '2026-06-15T03:00:05.000Z' } }));
  const p = loadPage('package-staff/pages/evidence/evidence');
  p.page.onLoad({ id: 'case-7' });
  await settled();

  await p.tap('#open-archive');

  expect(asked).toBe(2);
  expect(fake.calls('downloadFile').map((c) => c.url)).toHaveLength(2);
  expect(fake.calls('openDocument')).toEqual([expect.objectContaining({ filePath: 'wxfile://tmp/DL-20260612-0007.pdf', fileType: 'pdf' })]);
});

test('a file the storage refuses outright is reported, not opened', async () => {
  fake.server.on('getFileUrl', () => ({ url: 'https://7276-rvi-prod-1300000000.tcb.qcloud.la/cases/case-7/materials/1-营业执照.pdf' }));
  const p = await openReview();

  await p.tap('.material');

  expect(fake.calls('openDocument')).toHaveLength(0);
  expect(fake.calls('showToast')).toEqual([expect.objectContaining({ title: '链接已失效，请重新打开' })]);
});

test('the storage rules the shim applies: uploads only into the caller\'s own folder, after normalising', async () => {
  const { uploadFile } = require('../../miniprogram/services/upload/upload') as typeof import('../../miniprogram/services/upload/upload');
  await expect(uploadFile('uploads/staff/evidence/a.jpg', 'wxfile://tmp/a.jpg')).resolves.toBe(cloudFileId('uploads/staff/evidence/a.jpg'));
  await expect(uploadFile('uploads/staff/../applicant/a.jpg', 'wxfile://tmp/a.jpg')).rejects.toMatchObject({ code: 'NETWORK' });
  await expect(uploadFile('cases/case-7/materials/1-营业执照.pdf', 'wxfile://tmp/a.jpg')).rejects.toMatchObject({ code: 'NETWORK' });
  expect(storage.uploaded).toEqual([cloudFileId('uploads/staff/evidence/a.jpg')]);
});
