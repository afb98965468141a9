import { createHash } from 'node:crypto';
import { type EntryInput, type EvidenceEntry, EvidenceChainError, appendEntry } from '../../../cloudfunctions/src/domain/evidence-chain';

// What appendEntry refuses, each with the message the uploader reads (edges the mutation run found unpinned).

const photo = (overrides: Partial<EntryInput> = {}): EntryInput =>
  ({
    kind: 'live-photo', caseId: 'case-0001', fileId: 'cloud://env/cases/case-0001/evidence/1.jpg',
    fileSha256: createHash('sha256').update('picture').digest('hex'), size: 1000, source: 'in-app-camera',
    capturedAt: new Date('2026-06-12T02:00:00Z'), location: { latitude: 39.12, longitude: 117.65, accuracy: 15 },
    uploadedBy: 'openid-contact', uploadedAt: new Date('2026-06-12T02:00:30Z'), ...overrides,
  }) as EntryInput;

const refusal = (input: EntryInput): EvidenceChainError => {
  try {
    appendEntry(null, input);
  } catch (e) {
    return e as EvidenceChainError;
  }
  throw new Error('not refused');
};

test('a refusal is an EvidenceChainError by name, for the logs', () => {
  const e = refusal(photo({ caseId: '' }));
  expect(e).toBeInstanceOf(EvidenceChainError);
  expect(e.name).toBe('EvidenceChainError');
});

test.each([
  ['an empty case id', { caseId: '' }, '办件标识不能为空'],
  ['a blank uploader', { uploadedBy: '   ' }, '上传人不能为空'],
  ['a missing uploader', { uploadedBy: undefined }, '上传人不能为空'],
  ['an empty file id', { fileId: '' }, '文件标识不能为空'],
  ['an unknown kind', { kind: 'video' }, '不支持的证据类型：video'],
  ['an unknown source', { source: 'usb-stick' }, '不支持的证据来源：usb-stick'],
  ['an invalid capture time', { capturedAt: new Date('nonsense') }, '拍摄时间无效'],
  ['a latitude past the pole', { location: { latitude: 90.5, longitude: 117, accuracy: 10 } }, '拍摄地点的经纬度或精度无效'],
  ['a longitude past the antimeridian', { location: { latitude: 39, longitude: -180.5, accuracy: 10 } }, '拍摄地点的经纬度或精度无效'],
  ['a negative accuracy', { location: { latitude: 39, longitude: 117, accuracy: -1 } }, '拍摄地点的经纬度或精度无效'],
  ['an accuracy that is not a number', { location: { latitude: 39, longitude: 117, accuracy: Number.NaN } }, '拍摄地点的经纬度或精度无效'],
])('%s is refused', (_what, overrides, message) => {
  expect(refusal(photo(overrides as Partial<EntryInput>)).message).toBe(message);
});

test('the poles, the antimeridian, a zero or absent accuracy are places', () => {
  const placeOf = (location: unknown) => (appendEntry(null, photo({ location } as Partial<EntryInput>)) as EvidenceEntry).location;
  expect(placeOf({ latitude: 90, longitude: 180, accuracy: 0 })).toEqual({ latitude: 90, longitude: 180, accuracy: 0 });
  expect(placeOf({ latitude: -90, longitude: -180 })).toEqual({ latitude: -90, longitude: -180, accuracy: null });
});

test('a supersede note must name an earlier record', () => {
  const first = appendEntry(null, photo());
  const note = (supersedesSeq: number) => ({ kind: 'supersede', caseId: 'case-0001', supersedesSeq, reason: '误传', uploadedBy: 'openid-officer', uploadedAt: new Date('2026-06-12T03:00:00Z') }) as EntryInput;
  expect(() => appendEntry({ seq: first.seq, entryHash: first.entryHash }, note(2))).toThrow('要标记作废的证据序号无效：2');
  expect(() => appendEntry({ seq: first.seq, entryHash: first.entryHash }, note(0))).toThrow('要标记作废的证据序号无效：0');
  expect(appendEntry({ seq: first.seq, entryHash: first.entryHash }, note(1))).toMatchObject({ seq: 2, supersedesSeq: 1 });
});
