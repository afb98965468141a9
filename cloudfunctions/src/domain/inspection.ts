// The verification record of an inspection (R12, R14): rounds of checklist findings, the decision, rectification and
// the re-inspection that re-checks the failed items. Pure: the actions load the case, ask here, and save.

import type { ChecklistItem, ChecklistResult, DecisionOutcome } from '../../../typings/models';
import type { CaseEvent } from './case-state';
import type { ChainHead } from './evidence-chain';
import type { PremisesLocationCheck } from './premises-check';

export const RESULT_LABELS: Record<ChecklistResult, string> = {
  conforming: '符合',
  nonConforming: '不符合',
  notApplicable: '不适用',
};

export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  pass: '通过',
  rectify: '限期整改',
  fail: '不通过',
};

/** The state-machine event each outcome fires. */
export const OUTCOME_EVENTS: Record<DecisionOutcome, CaseEvent> = { pass: 'pass', rectify: 'rectify', fail: 'fail' };

/** One item's finding in one round, saved as the handler goes. */
export interface Finding {
  itemCode: string;
  result: ChecklistResult;
  note: string | null;
  /** Evidence of the case's chain that shows it. */
  evidenceSeqs: number[];
  /** 1 at the first save, one more at each change: what a second device must have seen to overwrite it. */
  revision: number;
  savedAt: string;
  savedBy: string;
  savedByName: string;
}

/** A one-time session code as issued (R8): at the start, and again after each dropped call. */
export interface SessionCodeIssue {
  code: string;
  issuedAt: string;
  reason: 'start' | 'resume';
  usedAt: string | null;
  usedBy: string | null;
  /** Wrong codes entered against it; the code is void after MAX_SESSION_CODE_FAILURES. */
  failedAttempts: number;
}

/** The distance of a phone from the declared premises when the inspection started (R8). */
export interface PremisesCheckRecord extends PremisesLocationCheck {
  thresholdMeters: number;
  location: { latitude: number; longitude: number; accuracy: number | null };
  at: string;
  reportedBy: string;
  reportedByName: string;
}

/** One inspection: the first, then one per re-inspection. */
export interface InspectionRound {
  round: number;
  startedAt: string;
  /** Checklist items this round looks at: all of them first, the failed ones at a re-inspection. */
  itemCodes: string[];
  findings: Finding[];
  sessionCodes: SessionCodeIssue[];
  resumptions: { at: string; note: string | null }[];
  premisesChecks: PremisesCheckRecord[];
}

export interface DecisionRecord {
  round: number;
  outcome: DecisionOutcome;
  opinion: string;
  reasons: string[];
  signatureFileId: string;
  signatureSha256: string;
  decidedBy: string;
  decidedByName: string;
  decidedAt: string;
  afterDeadline: boolean;
}

export interface RectificationItem {
  /** 'R1', 'R2' … within the case. */
  id: string;
  itemCode: string | null;
  requirement: string;
  proofs: { evidenceSeq: number; note: string | null; submittedAt: string }[];
}

export interface Rectification {
  round: number;
  items: RectificationItem[];
  workingDays: number;
  setAt: string;
  /** End of the last working day (23:59:59.999 China time). */
  deadline: string;
  /** Counted over a year whose holiday notice was not entered (statutory days only): the date may still move. */
  deadlineProvisional?: boolean;
  reinspectionRequestedAt: string | null;
}

export interface ObserverRemark {
  round: number;
  at: string;
  by: string;
  byName: string;
  text: string;
}

/** The archive PDF as stored (R13). */
export interface ArchiveRecord {
  fileId: string;
  fileName: string;
  sha256: string;
  size: number;
  generatedAt: string;
  /** The chain head the archive prints; null when the case had no evidence. */
  chainHead: ChainHead | null;
  /** Characters the font could not print (shown as □ in the PDF). */
  unsupportedCharacters: string[];
}

export const MAX_SESSION_CODE_FAILURES = 5;

export const currentRound = (rounds: readonly InspectionRound[] | undefined): InspectionRound | null => rounds?.at(-1) ?? null;

/**
 * The items a new round looks at, in checklist order: every item at the first inspection; at a re-inspection the
 * items the last round found not conforming and those the rectification names.
 */
export function itemsForNewRound(checklist: readonly ChecklistItem[], previous: InspectionRound | null, rectification: Rectification | undefined): string[] {
  if (!previous) return checklist.map((i) => i.code);
  const failed = new Set(failedItemCodes(previous));
  // Items of the last round never recorded (a video inspection broken off and switched to on-site) are inspected too.
  for (const code of previous.itemCodes) if (!findingOf(previous, code)) failed.add(code);
  for (const item of rectification?.items ?? []) if (item.itemCode) failed.add(item.itemCode);
  return checklist.map((i) => i.code).filter((code) => failed.has(code));
}

export const failedItemCodes = (round: InspectionRound): string[] =>
  round.findings.filter((f) => f.result === 'nonConforming').map((f) => f.itemCode);

export const findingOf = (round: InspectionRound, itemCode: string): Finding | undefined => round.findings.find((f) => f.itemCode === itemCode);

/** Whether a save would leave the finding as it is (a retried save after a dropped connection). */
export const sameFinding = (f: Finding, value: Pick<Finding, 'result' | 'note' | 'evidenceSeqs'>): boolean =>
  f.result === value.result && f.note === value.note && f.evidenceSeqs.join() === value.evidenceSeqs.join();

/** The round with one item's finding saved. */
export function withFinding(round: InspectionRound, finding: Finding): InspectionRound {
  const others = round.findings.filter((f) => f.itemCode !== finding.itemCode);
  return { ...round, findings: [...others, finding] };
}

/**
 * Why the round cannot be decided with this outcome, or null. Every item of the round needs a finding; a pass
 * cannot stand beside a non-conforming item; a rectification needs something to rectify.
 */
export function decisionProblem(round: InspectionRound, checklist: readonly ChecklistItem[], outcome: DecisionOutcome, rectificationItems: number): string | null {
  const missing = round.itemCodes.filter((code) => !findingOf(round, code));
  if (missing.length) {
    const titles = missing.map((code) => checklist.find((i) => i.code === code)?.title ?? code);
    return `尚有 ${missing.length} 个核查项未填写结果：${titles.join('、')}`;
  }
  if (outcome === 'pass' && failedItemCodes(round).length) return '有核查项不符合，不能作出通过决定，请选择限期整改或不通过';
  if (outcome === 'rectify' && rectificationItems === 0) return '限期整改须至少列出一项整改事项';
  return null;
}

/** Rectification items from the round's failed findings, worded from what counts as conforming and the note. */
export function rectificationItemsFrom(round: InspectionRound, checklist: readonly ChecklistItem[]): { itemCode: string; requirement: string }[] {
  return checklist
    .filter((item) => findingOf(round, item.code)?.result === 'nonConforming')
    .map((item) => {
      const note = findingOf(round, item.code)!.note;
      return { itemCode: item.code, requirement: `${item.title}。达标要求：${item.conforming}${note ? `现场情况：${note}` : ''}` };
    });
}
