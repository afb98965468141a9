import type { ActionRequest } from '../../typings/api';
import type {
  ChecklistResult, DecisionOutcome, DeviceLocation, EvidenceVerification, EvidenceVerificationPending, EvidenceView, InspectionView, PendingEvidenceView,
} from '../../typings/models';
import { createHash } from 'node:crypto';
import type { CaseRecord } from '../../cloudfunctions/src/domain/case';
import type { DecisionRecord } from '../../cloudfunctions/src/domain/inspection';
import { forceCase } from './fast-forward';
import type { Harness } from './harness';
import { greyJpeg, signaturePng } from './images';
import { cases } from './scenarios/core';

// Cases at the points of the inspection's life the tests start from. Scheduling is another area's: a case is put
// into 'scheduled' with forceCase; from there on every step goes through the inspection actions.

/** The declared premises of every test case (h.apply), and points near and far from it. */
export const PREMISES = { latitude: 39.0892, longitude: 117.3121 };
export const AT_PREMISES: DeviceLocation = { latitude: 39.0895, longitude: 117.3125, accuracy: 30 };
/** About 2.6 km north-east of the premises. */
export const ELSEWHERE: DeviceLocation = { latitude: 39.1092, longitude: 117.3321, accuracy: 20 };

/** Uploads bytes as `who` through requestUpload, as the Mini Program does, and answers the file id. */
export async function upload(h: Harness, who: string, purpose: ActionRequest<'requestUpload'>['purpose'], fileName: string, bytes: Uint8Array): Promise<string> {
  const { cloudPath } = await h.ok(who, 'requestUpload', { fileName, size: bytes.length, purpose });
  return (await h.deps.files.put(cloudPath, Buffer.from(bytes))).fileId;
}

export async function scheduledCase(h: Harness): Promise<string> {
  const c = await cases.accepted(h);
  await forceCase(h, c.id, { state: 'scheduled' });
  return c.id;
}

/** The case as stored. */
export const caseRecord = async (h: Harness, caseId: string): Promise<CaseRecord> => (await h.deps.store.get<CaseRecord>('cases', caseId))!;

export const inspectionOf = (h: Harness, caseId: string, who = 'staff'): Promise<InspectionView> => h.ok(who, 'getInspection', { caseId });

export async function startedCase(h: Harness, location?: DeviceLocation): Promise<InspectionView> {
  const caseId = await scheduledCase(h);
  const { version } = await inspectionOf(h, caseId);
  return h.ok('staff', 'startInspection', { caseId, version, ...(location ? { location } : {}) });
}

/** A live photo the applicant takes in the Mini Program at the premises. */
export async function addLivePhoto(h: Harness, caseId: string, who = 'applicant', grey = 120): Promise<EvidenceView> {
  const photo = greyJpeg(64, 48, grey);
  const fileId = await upload(h, who, 'evidence', `live-${grey}.jpg`, photo);
  return chained(await h.ok(who, 'addEvidence', {
    caseId, fileId, kind: 'live-photo', capturedAt: h.clock.now().toISOString(), location: AT_PREMISES, description: '水箱间全景',
    clientSha256: createHash('sha256').update(photo).digest('hex'),
  }));
}

/** A screenshot the handler took of the meeting, from the phone's album. */
export async function addScreenshot(h: Harness, caseId: string, name = 'screenshot.jpg', grey = 200): Promise<EvidenceView> {
  const fileId = await upload(h, 'staff', 'evidence', name, greyJpeg(64, 48, grey));
  return chained(await h.ok('staff', 'addEvidence', { caseId, fileId, kind: 'screenshot' }));
}

/** verifyEvidence's answer when every file is small enough to be hashed before the answer: the result. */
export function verified(answer: EvidenceVerification | EvidenceVerificationPending): EvidenceVerification {
  if ('verifying' in answer) throw new Error(`expected the verification done, but it is ${answer.statusLabel} (${answer.progress}%)`);
  return answer;
}

/** addEvidence's answer for a file small enough to be hashed before the answer: the chained record. */
export function chained(view: EvidenceView | PendingEvidenceView): EvidenceView {
  if ('verifying' in view) throw new Error(`expected the file chained, but it is still ${view.statusLabel}`);
  return view;
}

/** Saves a finding for every item of the round: `results` by item code, the rest conforming. */
export async function recordFindings(h: Harness, caseId: string, results: Record<string, ChecklistResult> = {}): Promise<InspectionView> {
  const view = await inspectionOf(h, caseId);
  for (const item of view.items.filter((i) => i.inCurrentRound)) {
    const result = results[item.code] ?? 'conforming';
    await h.ok('staff', 'saveChecklistItem', {
      caseId, itemCode: item.code, result, revision: 0, ...(result === 'nonConforming' ? { note: `${item.title}不符合` } : {}),
    });
  }
  return inspectionOf(h, caseId);
}

export const signature = (h: Harness, who = 'staff'): Promise<string> => upload(h, who, 'signature', 'signature.png', signaturePng());

export async function decide(
  h: Harness, caseId: string, outcome: DecisionOutcome, extra: Partial<ActionRequest<'decideInspection'>> = {},
): Promise<InspectionView> {
  const { version } = await inspectionOf(h, caseId);
  return h.ok('staff', 'decideInspection', {
    caseId, version, outcome, opinion: `经远程视频踏勘，结论为${outcome}。`, signatureFileId: await signature(h),
    ...(outcome === 'fail' ? { reasons: ['经营场所与申报地址不符'] } : {}),
    ...extra,
  });
}

/** The first checklist item of the case's matter. */
export const firstItem = async (h: Harness, caseId: string): Promise<string> => (await inspectionOf(h, caseId)).items[0]!.code;

/** A case whose first inspection found its first item not conforming and ordered rectification. */
export async function rectifyingCase(h: Harness): Promise<InspectionView> {
  const { caseId } = await startedCase(h, AT_PREMISES);
  await recordFindings(h, caseId, { [await firstItem(h, caseId)]: 'nonConforming' });
  return decide(h, caseId, 'rectify');
}

/** A 2027 notice that gives Monday 4 January off too: a rectification set on 28 December 2026 ends a day later. */
export const NOTICE_2027 = {
  year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知',
  festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-04', workdays: [] }],
};

/** The 2027 notice entered again, now with Tuesday 5 January off too. */
export const LONGER_2027 = { ...NOTICE_2027, festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-05', workdays: [] }] };

/**
 * A rectifying case whose deadline was set on Monday 28 December 2026 (counted on the statutory days of 2027) and
 * which the admin's 2027 notice then moved: the handler sees the pending recount on the case.
 */
export async function recountedCase(h: Harness): Promise<{ caseId: string; version: number; issued: string; wouldBe: string }> {
  h.clock.set(new Date('2026-12-28T02:00:00Z').toISOString());
  const { caseId } = await rectifyingCase(h);
  const { version } = await h.ok('admin', 'getCalendarYear', { year: 2027 });
  await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version, confirm: true });
  const c = await h.ok('staff', 'getCase', { caseId });
  const recount = c.pendingRecounts![0]!;
  return { caseId, version: c.version, issued: recount.issued, wouldBe: recount.wouldBe };
}

/** Proof for every rectification item, uploaded by the applicant. */
export async function proveAll(h: Harness, caseId: string): Promise<InspectionView> {
  let view = await inspectionOf(h, caseId, 'applicant');
  for (const item of view.rectification!.items) {
    const fileId = await upload(h, 'applicant', 'proof', `${item.id}.jpg`, greyJpeg(32, 32, 90));
    view = await h.ok('applicant', 'submitRectificationProof', { caseId, itemId: item.id, fileIds: [fileId], note: '已整改' });
  }
  return view;
}

/** A case inspected with one live photo and one screenshot, every item conforming, and passed (so archived). */
export async function passedCase(h: Harness): Promise<InspectionView> {
  const { caseId } = await startedCase(h, AT_PREMISES);
  await addLivePhoto(h, caseId);
  await addScreenshot(h, caseId);
  await recordFindings(h, caseId);
  return decide(h, caseId, 'pass');
}

/**
 * A case put straight into 'passed' (or 'archived', with a stand-in archive file) as decideInspection would leave it,
 * for tests that only need a decided case and not the seconds it takes to render a real archive. `inspect` runs
 * while the inspection is under way (e.g. to add evidence).
 */
export async function decidedCase(h: Harness, state: 'passed' | 'archived', inspect?: (caseId: string) => Promise<unknown>): Promise<string> {
  const { caseId } = await startedCase(h);
  await inspect?.(caseId);
  const decidedAt = h.clock.now().toISOString();
  const decision: DecisionRecord = {
    round: 1, outcome: 'pass', opinion: '符合踏勘标准，同意通过。', reasons: [], signatureFileId: await signature(h),
    signatureSha256: createHash('sha256').update(signaturePng()).digest('hex'), decidedBy: 'staff', decidedByName: '王芳', decidedAt,
    afterDeadline: false,
  };
  const pdf = Buffer.from('%PDF-1.7 stand-in');
  const archive = state === 'archived'
    ? {
      fileId: (await h.deps.files.put(`cases/${caseId}/archive/stand-in.pdf`, pdf)).fileId, fileName: '踏勘档案.pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length, generatedAt: decidedAt, chainHead: null, unsupportedCharacters: [],
    }
    : undefined;
  await forceCase(h, caseId, { state, decisions: [decision], decidedAt, decision: 'pass', archive });
  return caseId;
}
