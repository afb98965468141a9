import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import type { Store } from '../../../cloudfunctions/src/ports/store';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { greyJpeg } from '../../support/images';
import { AT_PREMISES, addLivePhoto, addScreenshot, caseRecord, inspectionOf, rectifyingCase, startedCase, upload, verified } from '../../support/inspection';
import { raceWrites, storeWith } from '../../support/store-with';

jest.setTimeout(60_000);

// The evidence chain as stored, at its edges: more than nine records, the audit entry of each, re-adding a file,
// the case's head moved only forward, uploads that stopped before moving it, the place taken by others, a head that
// was tampered with; and what the evidence list shows of each record.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const verify = async (caseId: string) => verified(await h.ok('supervisor', 'verifyEvidence', { caseId }));
type Entry = { _id: string; action: string; subject: string; caseId: string; note?: string };
const auditOf = async (caseId: string, action: string): Promise<Entry[]> =>
  (await h.deps.store.find<Entry>('audit', { where: { caseId }, orderBy: [['at', 'desc']], limit: 200 })).filter((a) => a.action === action);
const headOf = async (caseId: string) => (await caseRecord(h, caseId)).evidenceHead?.seq;

describe('the chain as stored', () => {
  test('eleven records keep their order, in the list and in the verification', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    for (let i = 0; i < 11; i++) await addScreenshot(h, caseId, `screenshot-${i + 1}.jpg`, 100 + i);
    expect((await inspectionOf(h, caseId)).evidence.map((e) => [e.seq, e.fileName])).toEqual(
      Array.from({ length: 11 }, (_, i) => [i + 1, `screenshot-${i + 1}.jpg`]),
    );
    expect(await verify(caseId)).toMatchObject({ ok: true, records: 11, problems: [] });
  });

  test('each record has its audit entry: the place, the kind and the hash, or what it marks superseded and why', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    const photo = await addLivePhoto(h, caseId);
    await h.ok('staff', 'supersedeEvidence', { caseId, seq: 1, reason: '照片模糊，已重拍' });
    const id = (seq: number) => `${caseId}:${String(seq).padStart(6, '0')}`;
    expect((await auditOf(caseId, 'addEvidence')).map((a) => [a._id, a.subject, a.caseId, a.note])).toEqual([
      [`evidence:${id(1)}`, `evidence/${id(1)}`, caseId, `第 1 条：现场照片，SHA-256 ${photo.sha256}`],
    ]);
    expect((await auditOf(caseId, 'supersedeEvidence')).map((a) => [a._id, a.subject, a.note])).toEqual([
      [`evidence:${id(2)}`, `evidence/${id(2)}`, '第 2 条：将第 1 条证据标记作废（照片模糊，已重拍）'],
    ]);
    // The list shows files only: the superseding record appears on the piece it marks.
    const list = (await inspectionOf(h, caseId)).evidence;
    expect(list.map((e) => [e.id, e.seq, e.superseded?.reason])).toEqual([[`${caseId}:1`, 1, '照片模糊，已重拍']]);
    expect(await verify(caseId)).toMatchObject({ ok: true, records: 2 });
  });

  test('a file added again (its first answer lost) is answered with its record, and the head stays where later evidence moved it', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    const first = await addScreenshot(h, caseId, 'first.jpg', 90);
    await addScreenshot(h, caseId, 'second.jpg', 91);
    expect(await headOf(caseId)).toBe(2);
    const again = await h.ok('staff', 'addEvidence', { caseId, fileId: first.fileId, kind: 'screenshot' });
    expect(again).toMatchObject({ seq: 1, sha256: first.sha256 });
    expect(await h.deps.store.count('evidence', { caseId })).toBe(2);
    expect(await headOf(caseId)).toBe(2);
    expect(await verify(caseId)).toMatchObject({ ok: true, records: 2, head: { seq: 2 } });
  });
});

describe('uploads that race or stop half-way', () => {
  test('two uploads stored but stopped before moving the case’s head: the next one chains after both', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    const store = h.deps.store;
    let stopped = 0;
    h.deps.store = storeWith(store, {
      replace: (async (collection: string, id: string, version: number, doc: Partial<CaseRecord>) => {
        if (collection === 'cases' && doc.evidenceHead && stopped < 2) {
          stopped += 1;
          throw new Error('the platform stopped the function');
        }
        return store.replace(collection, id, version, doc);
      }) as Store['replace'],
    });
    for (const grey of [80, 81]) {
      expect(await h.call('staff', 'addEvidence', { caseId, fileId: await addScreenshotFile(grey), kind: 'screenshot' })).toMatchObject({ ok: false, code: 'INTERNAL' });
    }
    h.deps.store = store;
    expect(await headOf(caseId)).toBeUndefined();
    const third = await addScreenshot(h, caseId, 'third.jpg', 82);
    expect(third.seq).toBe(3);
    expect(await headOf(caseId)).toBe(3);
    expect(await verify(caseId)).toMatchObject({ ok: true, records: 3 });
  });

  test('the case’s head overtaken nineteen times still moves; twenty times, the evidence is kept and the uploader told to refresh', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    const restore = h.deps.store.replace;
    raceWrites(h.deps.store, 'cases', 19);
    expect((await addScreenshot(h, caseId, 'a.jpg', 70)).seq).toBe(1);
    expect(await headOf(caseId)).toBe(1);
    h.deps.store.replace = restore;
    const raced = raceWrites(h.deps.store, 'cases', 20);
    const fileId = await addScreenshotFile(71);
    expect(await h.call('staff', 'addEvidence', { caseId, fileId, kind: 'screenshot' }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: '办件正忙，证据已保存，请稍后刷新' });
    expect(raced()).toBe(20);
    expect(await h.deps.store.count('evidence', { caseId })).toBe(2);
    expect(await headOf(caseId)).toBe(1);
  });

  test('the next place taken by other uploads nineteen times still chains; twenty times, the upload is refused in words', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    const store = h.deps.store;
    const losing = (times: number) => {
      let lost = 0;
      h.deps.store = storeWith(store, {
        insert: (async (collection: string, id: string, doc: object) => {
          if (collection === 'evidence' && lost < times) {
            lost += 1;
            return false;
          }
          return store.insert(collection, id, doc);
        }) as Store['insert'],
      });
      return () => lost;
    };
    const lost19 = losing(19);
    expect((await addScreenshot(h, caseId, 'a.jpg', 60)).seq).toBe(1);
    expect(lost19()).toBe(19);
    const lost20 = losing(20);
    expect(await h.call('staff', 'addEvidence', { caseId, fileId: await addScreenshotFile(61), kind: 'screenshot' }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: '同时上传的证据较多，请稍后重试' });
    expect(lost20()).toBe(20);
    h.deps.store = store;
    expect(await h.deps.store.count('evidence', { caseId })).toBe(1);
  });

  test('a case whose recorded head was tampered with takes no more evidence, in words', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    await addScreenshot(h, caseId, 'a.jpg', 50);
    await forceCase(h, caseId, { evidenceHead: { seq: 1, entryHash: 'not-a-hash' } });
    expect(await h.call('staff', 'addEvidence', { caseId, fileId: await addScreenshotFile(51), kind: 'screenshot' }))
      .toMatchObject({ ok: false, code: 'VALIDATION', message: '办件记录的证据链末端无效，无法追加证据' });
    expect(await h.deps.store.count('evidence', { caseId })).toBe(1);
  });
});

describe('what the evidence list shows', () => {
  test('a live photo’s description; a meeting recording’s meeting and its code', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    await addLivePhoto(h, caseId);
    await h.ok('staff', 'attachMeetingRecording', { caseId, recordFileId: 'rec-0002', meetingId: 'm-43', meetingCode: '987654321' });
    await h.ok('staff', 'attachMeetingRecording', { caseId, recordFileId: 'rec-0003' });
    const [photo, withMeeting, bare] = (await inspectionOf(h, caseId)).evidence;
    expect(photo).toMatchObject({ description: '水箱间全景', kindLabel: '现场照片', sourceLabel: '小程序现场拍摄' });
    expect(withMeeting!.meetingRecording).toEqual({ recordFileId: 'rec-0002', meetingId: 'm-43', meetingCode: '987654321' });
    expect(bare!.meetingRecording).toEqual({ recordFileId: 'rec-0003' });
  });
});

/** A screenshot uploaded by the handler, not yet added: its file id. */
const addScreenshotFile = (grey: number): Promise<string> => upload(h, 'staff', 'evidence', `shot-${grey}.jpg`, greyJpeg(64, 48, grey));

describe('rectification proof sent again', () => {
  test('a proof submission retried under its request id (the first answer lost) is chained once and listed once', async () => {
    const view = await rectifyingCase(h);
    const item = view.rectification!.items[0]!;
    const fileId = await upload(h, 'applicant', 'proof', 'proof.jpg', greyJpeg(32, 32, 90));
    const request = { caseId: view.caseId, itemId: item.id, fileIds: [fileId], note: '已整改' };
    await h.ok('applicant', 'submitRectificationProof', request, 'proof-retry-1');
    const again = await h.ok('applicant', 'submitRectificationProof', request, 'proof-retry-1');
    expect(again.rectification!.items[0]!.proofs).toHaveLength(1);
    expect((await inspectionOf(h, view.caseId)).evidence.filter((e) => e.kind === 'proof')).toHaveLength(1);
  });
});
