import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { ALL_ACTIONS } from '../../../cloudfunctions/src/actions';
import { type EvidenceRecord, type FileRecord, evidenceId } from '../../../cloudfunctions/src/application/evidence';
import { entryHashOf, genesisHash } from '../../../cloudfunctions/src/domain/evidence-chain';
import { type Harness, makeHarness } from '../../support/harness';
import { greyJpeg } from '../../support/images';
import { AT_PREMISES, addLivePhoto, addScreenshot, chained, inspectionOf, verified, passedCase, startedCase, upload } from '../../support/inspection';

// A pass or fail renders the archive PDF with the embedded Chinese font: seconds, on a busy machine.
jest.setTimeout(30_000);

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
const stored = (caseId: string, seq: number) => h.deps.store.get<FileRecord>('evidence', evidenceId(caseId, seq));
const verify = async (caseId: string) => verified(await h.ok('supervisor', 'verifyEvidence', { caseId }));

/** A case being inspected with three pieces of evidence: a live photo, a screenshot, another live photo. */
async function caseWithEvidence() {
  const { caseId } = await startedCase(h, AT_PREMISES);
  const evidence = [await addLivePhoto(h, caseId, 'applicant', 110), await addScreenshot(h, caseId), await addLivePhoto(h, caseId, 'applicant', 130)];
  return { caseId, evidence };
}

describe('chaining evidence', () => {
  test('the cloud hashes each file from storage and chains it to the one before', async () => {
    const { caseId, evidence } = await caseWithEvidence();
    const bytes = readFileSync(h.deps.files.pathOf((await stored(caseId, 2))!.fileId));
    expect(evidence[1]!.sha256).toBe(sha256(bytes));
    expect((await stored(caseId, 1))!.prevHash).toBe(genesisHash(caseId));
    expect((await stored(caseId, 2))!.prevHash).toBe((await stored(caseId, 1))!.entryHash);
    expect((await inspectionOf(h, caseId)).chainHead).toEqual({ seq: 3, entryHash: (await stored(caseId, 3))!.entryHash });
    await expect(verify(caseId)).resolves.toMatchObject({ ok: true, records: 3, problems: [] });
  });

  test('a live photo keeps the capture time and place the camera declared; a screenshot is marked as from the album', async () => {
    const { caseId } = await startedCase(h);
    const photo = await addLivePhoto(h, caseId);
    const screenshot = await addScreenshot(h, caseId);
    expect(photo).toMatchObject({ kind: 'live-photo', source: 'in-app-camera', capturedAt: h.clock.now().toISOString(), location: { latitude: AT_PREMISES.latitude, accuracy: 30 } });
    expect(screenshot).toMatchObject({ kind: 'screenshot', source: 'album-or-chat', sourceLabel: '相册或聊天转发' });
    expect(screenshot.capturedAt).toBeUndefined();
    expect(screenshot.location).toBeUndefined();
  });

  test('a live photo without its capture time and place is refused', async () => {
    const { caseId } = await startedCase(h);
    const fileId = await upload(h, 'applicant', 'evidence', 'p.jpg', greyJpeg(16, 16, 50));
    const r = await h.call('applicant', 'addEvidence', { caseId, fileId, kind: 'live-photo' });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('拍摄时间和地点') });
  });

  test('nobody can chain a file someone else uploaded', async () => {
    const { caseId } = await startedCase(h);
    const theirs = await upload(h, 'applicant', 'evidence', 'p.jpg', greyJpeg(16, 16, 50));
    expect(await h.call('staff', 'addEvidence', { caseId, fileId: theirs, kind: 'screenshot' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('the same file sent again, as a retry after a lost answer does, is chained once', async () => {
    const { caseId } = await startedCase(h);
    const fileId = await upload(h, 'staff', 'evidence', 's.jpg', greyJpeg(16, 16, 50));
    const first = chained(await h.ok('staff', 'addEvidence', { caseId, fileId, kind: 'screenshot' }));
    const again = chained(await h.ok('staff', 'addEvidence', { caseId, fileId, kind: 'screenshot' }));
    expect(again.seq).toBe(first.seq);
    expect((await inspectionOf(h, caseId)).evidence).toHaveLength(1);
  });

  test('uploads at the same moment never fork the chain: each gets its own place after the one before', async () => {
    const { caseId } = await startedCase(h);
    const fileIds = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => upload(h, 'staff', 'evidence', `s${n}.jpg`, greyJpeg(16, 16, 40 + n))));
    const views = (await Promise.all(fileIds.map((fileId) => h.ok('staff', 'addEvidence', { caseId, fileId, kind: 'screenshot' })))).map(chained);
    expect(views.map((v) => v.seq).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (let seq = 2; seq <= 6; seq++) expect((await stored(caseId, seq))!.prevHash).toBe((await stored(caseId, seq - 1))!.entryHash);
    expect((await inspectionOf(h, caseId)).chainHead?.seq).toBe(6);
    await expect(verify(caseId)).resolves.toMatchObject({ ok: true, records: 6 });
  });

  test('of two uploads that saw the same end of the chain, one takes the place and the other chains after it', async () => {
    const { caseId } = await startedCase(h);
    const fileIds = await Promise.all([1, 2].map((n) => upload(h, 'staff', 'evidence', `s${n}.jpg`, greyJpeg(16, 16, 60 + n))));
    // Both uploads read the chain's end before either writes: hold the first two reads until both have been made.
    const { store } = h.deps;
    const [get, insert] = [store.get.bind(store), store.insert.bind(store)];
    let held: (() => void)[] | null = [];
    let placesLost = 0;
    store.get = (async (collection: string, id: string) => {
      const found = await get(collection, id);
      if (collection === 'evidence' && held) {
        await new Promise<void>((release) => {
          const waiting = held!;
          waiting.push(release);
          if (waiting.length < 2) return;
          held = null;
          waiting.forEach((r) => r());
        });
      }
      return found;
    }) as typeof store.get;
    store.insert = (async (collection: string, id: string, doc: object) => {
      const inserted = await insert(collection, id, doc);
      if (collection === 'evidence' && !inserted) placesLost++;
      return inserted;
    }) as typeof store.insert;

    const views = (await Promise.all(fileIds.map((fileId) => h.ok('staff', 'addEvidence', { caseId, fileId, kind: 'screenshot' })))).map(chained);
    expect(placesLost).toBe(1);
    expect(views.map((v) => v.seq).sort()).toEqual([1, 2]);
    expect((await stored(caseId, 2))!.prevHash).toBe((await stored(caseId, 1))!.entryHash);
    await expect(verify(caseId)).resolves.toMatchObject({ ok: true, records: 2, head: { seq: 2 } });
  });

  test("a Tencent Meeting cloud recording is chained as a reference file naming it, once", async () => {
    const { caseId } = await startedCase(h);
    const ref = await h.ok('staff', 'attachMeetingRecording', { caseId, recordFileId: 'rec-0001', meetingId: 'm-42', meetingCode: '123456789' });
    expect(ref).toMatchObject({ kind: 'meeting-recording-ref', source: 'tencent-meeting-cloud', meetingRecording: { recordFileId: 'rec-0001', meetingId: 'm-42' } });
    const file = readFileSync(h.deps.files.pathOf((await stored(caseId, ref.seq))!.fileId));
    expect(JSON.parse(file.toString('utf8'))).toMatchObject({ recordFileId: 'rec-0001', meetingCode: '123456789' });
    expect(ref.sha256).toBe(sha256(file));
    expect((await h.ok('staff', 'attachMeetingRecording', { caseId, recordFileId: 'rec-0001' })).seq).toBe(ref.seq);
    await expect(verify(caseId)).resolves.toMatchObject({ ok: true, records: 1 });
  });
});

describe('verifyEvidence names what was tampered with', () => {
  test('a stored file whose bytes were changed', async () => {
    const { caseId } = await caseWithEvidence();
    const file = (await stored(caseId, 2))!.fileId;
    writeFileSync(h.deps.files.pathOf(file), greyJpeg(64, 48, 201));
    const result = await verify(caseId);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'FILE_CHANGED', seq: 2, fileId: file, message: expect.stringContaining('第 2 条') })]);
  });

  test('a stored file that was deleted', async () => {
    const { caseId } = await caseWithEvidence();
    const file = (await stored(caseId, 3))!.fileId;
    unlinkSync(h.deps.files.pathOf(file));
    expect((await verify(caseId)).problems).toEqual([expect.objectContaining({ code: 'FILE_MISSING', seq: 3, fileId: file })]);
  });

  test('an evidence record that was deleted', async () => {
    const { caseId } = await caseWithEvidence();
    await h.deps.store.remove('evidence', evidenceId(caseId, 2));
    const { ok, problems } = await verify(caseId);
    expect(ok).toBe(false);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'ENTRY_MISSING', seq: 2 }));
  });

  test('the last record deleted, which leaves a chain that is whole but shorter than the case recorded', async () => {
    const { caseId } = await caseWithEvidence();
    await h.deps.store.remove('evidence', evidenceId(caseId, 3));
    const { problems } = await verify(caseId);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'ENTRY_MISSING', seq: 3 }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'HEAD_MISMATCH' }));
  });

  test('two records swapped in the chain', async () => {
    const { caseId } = await caseWithEvidence();
    const [second, third] = [(await stored(caseId, 2))!, (await stored(caseId, 3))!];
    const body = ({ _id: _i, _version: _v, ...rest }: typeof second) => rest;
    await h.deps.store.replace('evidence', second._id, second._version, body(third));
    await h.deps.store.replace('evidence', third._id, third._version, body(second));
    const { ok, problems } = await verify(caseId);
    expect(ok).toBe(false);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'ORDER_CHANGED', seq: 2 }));
  });

  test('a record rewritten with a recomputed hash of its own', async () => {
    const { caseId } = await caseWithEvidence();
    const record = (await stored(caseId, 2))!;
    const { _id, _version, ...body } = record;
    const forged = { ...body, uploadedAt: '2026-06-01T00:00:00.000Z' } as EvidenceRecord;
    await h.deps.store.replace('evidence', _id, _version, { ...forged, entryHash: entryHashOf(forged) });
    expect((await verify(caseId)).problems).toContainEqual(expect.objectContaining({ code: 'ENTRY_CHANGED', seq: 3 }));
  });
});

describe('after the decision', () => {
  test('there is no action that deletes evidence at all', () => {
    expect(ALL_ACTIONS.map((a) => a.name).filter((name) => /delete|remove/i.test(name) && /evidence/i.test(name))).toEqual([]);
  });

  test('evidence can only be marked superseded, with the reason; the record and its file stay and still verify', async () => {
    const { caseId, evidence } = await passedCase(h);
    const before = await stored(caseId, 1);
    const view = await h.ok('staff', 'supersedeEvidence', { caseId, seq: 1, reason: '照片拍到了无关人员，已另行补拍' });
    expect(view.state).toBe('archived');
    expect(view.evidence.find((e) => e.seq === 1)).toMatchObject({
      sha256: evidence[0]!.sha256, superseded: { bySeq: 3, reason: '照片拍到了无关人员，已另行补拍' },
    });
    expect(await stored(caseId, 1)).toEqual(before);
    await expect(verify(caseId)).resolves.toMatchObject({ ok: true, records: 3 });
  });

  test('only the handler may mark evidence superseded', async () => {
    const { caseId } = await passedCase(h);
    expect(await h.call('otherStaff', 'supersedeEvidence', { caseId, seq: 1, reason: '不需要了' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('applicant', 'supersedeEvidence', { caseId, seq: 1, reason: '不需要了' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('who sees evidence', () => {
  test('readers of the case open evidence through getFileUrl\'s expiring link; others cannot see the inspection at all', async () => {
    const { caseId } = await caseWithEvidence();
    const applicantView = await inspectionOf(h, caseId, 'applicant');
    expect(applicantView.evidence.length).toBeGreaterThan(0);
    for (const e of applicantView.evidence) {
      const { url } = await h.ok('applicant', 'getFileUrl', { caseId, fileId: e.fileId });
      expect(url).toMatch(/\/files\/uploads\/.+\?expires=\d+&sign=/);
    }
    expect(await h.call('otherApplicant', 'getFileUrl', { caseId, fileId: applicantView.evidence[0]!.fileId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('otherApplicant', 'getInspection', { caseId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('foreignStaff', 'getInspection', { caseId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
