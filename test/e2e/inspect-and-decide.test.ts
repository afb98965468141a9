import type { CaseSummary } from '../../typings/models';
import { png, signaturePng } from '../support/images';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';
import { pdfText, squeeze } from '../support/pdf-text';
import { chained, verified } from '../support/inspection';

// The inspection as `npm start` serves it over HTTP, carried to a decision: one case straight to a pass with its
// archive and the regulator's push; another through rectification and a re-inspection to a pass.

jest.setTimeout(60_000);

let rt: RunningRuntime;
beforeAll(async () => {
  rt = await startLocalRuntime();
}, 30_000);
afterAll(() => rt.stop());

async function upload(openid: string, purpose: 'signature' | 'evidence' | 'proof', name: string, bytes: Uint8Array): Promise<string> {
  const { cloudPath } = await rt.ok(openid, 'requestUpload', { fileName: name, size: bytes.length, purpose });
  return rt.upload(openid, cloudPath, name, Buffer.from(bytes));
}

const screenshot = () => png(64, 48, (x, y) => [x * 4, y * 5, 120, 255]);

/** Starts the booked inspection and records every item of the round, the ones in `failing` as not conforming. */
async function inspect(caseId: string, failing: string[] = []): Promise<number> {
  let view = await rt.ok('demo-staff', 'getInspection', { caseId });
  view = await rt.ok('demo-staff', 'startInspection', { caseId, version: view.version, location: { latitude: 39.0892, longitude: 117.3121, accuracy: 20 } });
  expect(view.sessionCode?.code).toMatch(/^\d{6}$/);
  const evidence = await rt.ok('demo-staff', 'addEvidence', { caseId, kind: 'screenshot', fileId: await upload('demo-staff', 'evidence', 'screen.png', screenshot()) });
  for (const item of view.items.filter((i) => i.inCurrentRound)) {
    await rt.ok('demo-staff', 'saveChecklistItem', {
      caseId, itemCode: item.code, revision: 0, evidenceSeqs: [chained(evidence).seq],
      result: failing.includes(item.code) ? 'nonConforming' : 'conforming', ...(failing.includes(item.code) ? { note: '消毒记录不全' } : {}),
    });
  }
  return (await rt.ok('demo-staff', 'getInspection', { caseId })).version;
}

async function decide(caseId: string, version: number, outcome: 'pass' | 'rectify') {
  return rt.ok('demo-staff', 'decideInspection', {
    caseId, version, outcome, opinion: outcome === 'pass' ? '经远程视频核查，现场条件符合要求。' : '部分项目不符合，限期整改后申请复勘。',
    signatureFileId: await upload('demo-staff', 'signature', 'sign.png', signaturePng()),
  });
}

/** Offers the first working-day slot a week or more ahead and books it as the applicant. */
async function offerAndBook(caseId: string): Promise<void> {
  let group = await rt.ok('demo-applicant', 'getGroup', { caseId });
  const from = Date.now() + 7 * 86_400_000;
  for (let d = 0; d < 30; d++) {
    const slot = new Date(Date.parse(`${new Date(from).toISOString().slice(0, 10)}T06:00:00Z`) + d * 86_400_000).toISOString();
    const r = await rt.call('demo-staff', 'offerSlots', { caseId, version: group.case.version, starts: [slot], reason: '端到端测试安排' });
    if (!r.ok) continue;
    await rt.ok('demo-applicant', 'bookSlot', { caseId, version: r.data.case.version, start: slot });
    group = await rt.ok('demo-applicant', 'getGroup', { caseId });
    await rt.ok('demo-staff', 'setMeetingManually', { caseId, version: group.case.version, pasted: '123 456 789' });
    return;
  }
  throw new Error('no working-day slot could be offered in 30 days');
}

const seeded = async (label: string): Promise<CaseSummary> =>
  (await rt.ok('demo-applicant', 'listMyCases', {})).items.find((c) => c.stateLabel === label)!;

test('a booked case is inspected and passed: the applicant sees it, the archive holds the evidence, the regulator receives it', async () => {
  const booked = await seeded('已预约');
  const version = await inspect(booked.id);
  const decided = await decide(booked.id, version, 'pass');
  expect(decided.decisions.at(-1)).toMatchObject({ outcome: 'pass' });

  const seen = await rt.ok('demo-applicant', 'getCase', { caseId: booked.id });
  expect(['踏勘通过', '已归档']).toContain(seen.stateLabel);

  const verification = await rt.ok('demo-staff', 'verifyEvidence', { caseId: booked.id });
  expect(verified(verification).ok).toBe(true);

  const archive = await rt.ok('demo-staff', 'getArchive', { caseId: booked.id });
  const text = squeeze(pdfText(new Uint8Array(await (await fetch(archive.downloadUrl)).arrayBuffer())));
  expect(text).toContain(booked.number);
  const hashes = decided.evidence.flatMap((e) => (e.sha256 ? [e.sha256] : []));
  expect(hashes.length).toBeGreaterThan(0);
  for (const hash of hashes) expect(text).toContain(hash);

  // The demo case's matter (二次供水单位卫生许可) belongs to the demo regulator's sector, 区卫生健康委员会.
  const inbox = await rt.ok('demo-regulator', 'listRegulatorInbox', {});
  expect(inbox.items.map((i) => i.caseId)).toContain(booked.id);

  const rated = await rt.ok('demo-applicant', 'rateService', { caseId: booked.id, score: 5, suggestions: '不用跑现场，很方便' });
  expect(rated.rating?.score).toBe(5);
});

test('rectification and re-inspection: proof per item, a second round on the failed item only, first finding beside the new one', async () => {
  const ready = { caseId: (await rt.ok('demo-staff', 'getReadyQueue', {})).items[0]!.id };
  await offerAndBook(ready.caseId);
  const firstItem = (await rt.ok('demo-staff', 'getInspection', { caseId: ready.caseId })).items[0]!.code;
  const version = await inspect(ready.caseId, [firstItem]);
  const ordered = await decide(ready.caseId, version, 'rectify');
  expect(ordered.stateLabel).toBe('限期整改');
  expect(ordered.rectification!.items.map((i) => i.itemCode)).toEqual([firstItem]);
  expect(Date.parse(ordered.rectification!.deadline)).toBeGreaterThan(Date.now());

  for (const item of ordered.rectification!.items) {
    await rt.ok('demo-applicant', 'submitRectificationProof', { caseId: ready.caseId, itemId: item.id, fileIds: [await upload('demo-applicant', 'proof', 'proof.png', screenshot())], note: '已补齐消毒记录' });
  }
  const asked = await rt.ok('demo-applicant', 'getInspection', { caseId: ready.caseId });
  const back = await rt.ok('demo-applicant', 'requestReinspection', { caseId: ready.caseId, version: asked.version });
  expect(back.stateLabel).toBe('待预约');

  await offerAndBook(ready.caseId);
  let view = await rt.ok('demo-staff', 'getInspection', { caseId: ready.caseId });
  view = await rt.ok('demo-staff', 'startInspection', { caseId: ready.caseId, version: view.version });
  expect(view.items.filter((i) => i.inCurrentRound).map((i) => i.code)).toEqual([firstItem]);
  await rt.ok('demo-staff', 'saveChecklistItem', { caseId: ready.caseId, itemCode: firstItem, result: 'conforming', revision: 0, note: '整改到位' });
  const passed = await decide(ready.caseId, (await rt.ok('demo-staff', 'getInspection', { caseId: ready.caseId })).version, 'pass');
  const item = passed.items.find((i) => i.code === firstItem)!;
  expect(item.findings.map((f) => [f.round, f.result])).toEqual([[1, 'nonConforming'], [2, 'conforming']]);
});
