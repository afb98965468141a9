import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { type EvidenceRecord, isFileRecord } from '../../../cloudfunctions/src/application/evidence';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { type Harness, makeHarness, remoteMatter, validCreditCode } from '../../support/harness';
import { greyJpeg } from '../../support/images';
import { AT_PREMISES, inspectionOf, rectifyingCase, startedCase } from '../../support/inspection';

// Tamper tests: the applicant's upload folder stays writable by the applicant (CloudBase replaces a file uploaded to
// the same path), so what was submitted is copied into the case's own folder at submission. Overwriting the upload
// afterwards changes nothing the case, the review or the evidence chain refer to.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** An upload as the Mini Program makes it: requestUpload, then the client's write (wx.uploadFile) under the storage rule. */
async function clientUpload(who: string, purpose: 'material' | 'proof' | 'evidence', fileName: string, bytes: Buffer): Promise<{ cloudPath: string; fileId: string }> {
  const { cloudPath } = await h.ok(who, 'requestUpload', { fileName, size: bytes.length, purpose });
  const { fileId } = await h.deps.files.receiveUpload(who, cloudPath, Readable.from([bytes]), bytes.length);
  return { cloudPath, fileId };
}

const overwrite = (who: string, cloudPath: string, bytes: Buffer) => h.deps.files.receiveUpload(who, cloudPath, Readable.from([bytes]), 1024 * 1024);

const apply = (materialFileIds: string[]) =>
  h.ok('applicant', 'applyForInspection', {
    matterCode: remoteMatter.code, mode: 'remote', materialFileIds,
    company: { name: '天津东丽宏达物业管理有限公司', creditCode: validCreditCode() }, applicantName: '张三', applicantPhone: '13812345678',
    premises: { address: '天津市东丽区津塘公路398号', latitude: 39.0892, longitude: 117.3121 },
  });

test('on apply each material is copied into the case\'s folder with name, size, type and SHA-256 of what was submitted', async () => {
  const original = Buffer.from('%PDF-1.4 营业执照 as submitted');
  const { fileId } = await clientUpload('applicant', 'material', '营业执照.pdf', original);
  const applied = await apply([fileId]);

  const [material] = (await h.deps.store.get<CaseRecord>('cases', applied.id))!.materials;
  expect(material).toEqual({
    fileId: expect.stringMatching(new RegExp(`^local://cases/${applied.id}/materials/\\d+-[0-9a-f]{8}-营业执照\\.pdf$`)),
    name: '营业执照.pdf', size: original.length, type: 'application/pdf', sha256: sha256(original), uploadedAt: expect.any(String),
  });
  expect(readFileSync(h.deps.files.pathOf(material!.fileId)).equals(original)).toBe(true);
});

test('the applicant overwrites an upload after submission: the case\'s material and the review\'s link are unchanged', async () => {
  const original = Buffer.from('%PDF-1.4 the accepted licence');
  const { cloudPath, fileId } = await clientUpload('applicant', 'material', '营业执照.pdf', original);
  const applied = await apply([fileId]);
  const accepted = await h.ok('staff', 'acceptCase', { caseId: applied.id, version: applied.version });

  await overwrite('applicant', cloudPath, Buffer.from('%PDF-1.4 a different licence'));
  expect(readFileSync(h.deps.files.pathOf(fileId), 'utf8')).toBe('%PDF-1.4 a different licence');

  const reviewed = await h.ok('staff', 'getCase', { caseId: applied.id });
  expect(reviewed.materials).toEqual(accepted.materials);
  const { url } = await h.ok('staff', 'getFileUrl', { caseId: applied.id, fileId: reviewed.materials[0]!.fileId });
  const { pathname, searchParams } = new URL(url);
  const served = h.deps.files.openLink(pathname.slice('/files/'.length), searchParams);
  expect(readFileSync(served.absolutePath).equals(original)).toBe(true);
  expect(reviewed.materials[0]!.sha256).toBe(sha256(original));
  // The upload itself is not a file of the case: no link for it.
  expect(await h.call('staff', 'getFileUrl', { caseId: applied.id, fileId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});

test('a material sent again on resubmission after being overwritten is copied as it is now, beside the first copy', async () => {
  const { cloudPath, fileId } = await clientUpload('applicant', 'material', '卫生许可.pdf', Buffer.from('first'));
  const applied = await apply([fileId]);
  const returned = await h.ok('staff', 'returnCase', { caseId: applied.id, version: applied.version, missing: '材料不清晰' });
  await overwrite('applicant', cloudPath, Buffer.from('second, clearer'));
  const resubmitted = await h.ok('applicant', 'resubmitCase', { caseId: applied.id, version: returned.version, materialFileIds: [fileId] });

  expect(resubmitted.materials.map((m) => m.sha256)).toEqual([sha256(Buffer.from('first')), sha256(Buffer.from('second, clearer'))]);
  expect(new Set(resubmitted.materials.map((m) => m.fileId)).size).toBe(2);
});

test('rectification proof is chained as the case\'s copy: overwriting the upload leaves the evidence chain intact', async () => {
  const { caseId, rectification } = await rectifyingCase(h);
  const proof = greyJpeg(32, 32, 90);
  const { cloudPath, fileId } = await clientUpload('applicant', 'proof', '整改照片.jpg', Buffer.from(proof));
  await h.ok('applicant', 'submitRectificationProof', { caseId, itemId: rectification!.items[0]!.id, fileIds: [fileId] });

  await overwrite('applicant', cloudPath, Buffer.from(greyJpeg(32, 32, 10)));

  const records = await h.deps.store.find<EvidenceRecord>('evidence', { where: { caseId }, orderBy: [['_id', 'asc']] });
  const chained = records.filter(isFileRecord).find((r) => r.kind === 'proof')!;
  expect(chained).toMatchObject({ fileId: expect.stringMatching(new RegExp(`^local://cases/${caseId}/proofs/`)), fileSha256: sha256(Buffer.from(proof)) });
  expect(await h.ok('staff', 'verifyEvidence', { caseId })).toMatchObject({ ok: true, problems: [] });
  expect((await inspectionOf(h, caseId, 'applicant')).evidence.some((e) => e.fileId === chained.fileId)).toBe(true);
});

describe('integrity from the phone: the hash computed at capture must match the cloud\'s', () => {
  const livePhoto = async (bytes: Buffer, clientSha256?: string) => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    const { fileId } = await clientUpload('applicant', 'evidence', 'live.jpg', bytes);
    const payload = { caseId, fileId, kind: 'live-photo' as const, capturedAt: h.clock.now().toISOString(), location: AT_PREMISES, ...(clientSha256 ? { clientSha256 } : {}) };
    return { caseId, result: await h.call('applicant', 'addEvidence', payload) };
  };

  test('a matching hash is chained, and both hashes are kept', async () => {
    const photo = Buffer.from(greyJpeg(32, 32, 120));
    const { caseId, result } = await livePhoto(photo, sha256(photo));
    expect(result).toMatchObject({ ok: true, data: { sha256: sha256(photo) } });
    const [record] = (await h.deps.store.find<EvidenceRecord>('evidence', { where: { caseId } })).filter(isFileRecord);
    expect(record).toMatchObject({ fileSha256: sha256(photo), clientSha256: sha256(photo) });
  });

  test('a hash that does not match what arrived is refused with a clear message, and nothing is chained', async () => {
    const { caseId, result } = await livePhoto(Buffer.from(greyJpeg(32, 32, 120)), sha256(Buffer.from('the photo as the phone saw it')));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('手机上的校验值与云端不一致') });
    expect(await h.deps.store.count('evidence', { caseId })).toBe(0);
  });

  test('a live photo without the phone\'s hash is refused', async () => {
    const { result } = await livePhoto(Buffer.from(greyJpeg(32, 32, 120)));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('校验值') });
  });
});
