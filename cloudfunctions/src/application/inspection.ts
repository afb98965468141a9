import type {
  CaseState, DecisionView, DeviceLocation, ChecklistFindingView, InspectionRoundView, InspectionView, PremisesCheckView, RectificationView,
} from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import { STATE_LABELS } from '../domain/case-state';
import {
  type DecisionRecord, type Finding, type InspectionRound, OUTCOME_LABELS, type PremisesCheckRecord, RESULT_LABELS, type Rectification,
  type SessionCodeIssue, currentRound, findingOf,
} from '../domain/inspection';
import { checkPremisesLocation } from '../domain/premises-check';
import { SESSION_CODE_TTL_MS, generateSessionCode } from '../domain/session-code';
import { type Relation, allowedCaseActions, authorizeCaseAction, authorizeRead, relationTo } from './access';
import { type CaseChange, type StoredCase, loadCase, saveCase } from './cases';
import { loadChecklist } from './catalogue';
import { loadChain, toEvidenceViews } from './evidence';
import { pendingEvidenceOf } from './hash-jobs';
import { provisionalCheck } from './provisional-marks';

/** The case, once the caller has a part in it. */
export async function readableCase(ctx: ActionContext, caseId: string): Promise<StoredCase> {
  const c = await loadCase(ctx, caseId);
  authorizeRead(ctx.caller, c);
  return c;
}

/** The case, once the caller may take `action` on it now (on the version they saw, when they name one). */
export async function caseFor(ctx: ActionContext, caseId: string, action: string, version?: number): Promise<{ c: StoredCase; relation: Relation; to: CaseState }> {
  const c = await loadCase(ctx, caseId);
  return { c, ...authorizeCaseAction(ctx.caller, c, action, version ?? c._version) };
}

type CaseUpdate = [CaseRecord, Omit<CaseChange, 'action'>?];
// Each round of racing writers lets one through, so this many writers at once still all land.
const RETRIES = 20;

/**
 * Changes a case by compare-and-set, with its audit entry and notices. With the version the caller saw, a change made
 * since fails with CONFLICT (decisions and state changes, taken on what the caller saw). Without one, the change is
 * made on the case as it is now and retried if another lands first: it adds to the record (a finding, a remark, a
 * proof) and must not fail because someone else added something meanwhile. `build` answers null when there is nothing
 * to change, e.g. the same value saved again after a dropped connection.
 */
export async function changeCase(
  ctx: ActionContext, target: { caseId: string; version?: number }, action: string,
  build: (c: StoredCase, to: CaseState, relation: Relation) => Promise<CaseUpdate | null> | CaseUpdate | null,
): Promise<StoredCase> {
  for (let attempt = 1; ; attempt++) {
    const { c, relation, to } = await caseFor(ctx, target.caseId, action, target.version);
    const update = await build(c, to, relation);
    if (!update) return c;
    try {
      return await saveCase(ctx, c, update[0], { action, ...update[1] });
    } catch (e) {
      const lostRace = e instanceof AppError && e.code === 'CONFLICT';
      if (!lostRace || target.version !== undefined || attempt >= RETRIES) throw e;
    }
  }
}

/** The round in progress; the rules only let these actions run while there is one. */
export function roundInProgress(c: CaseRecord): InspectionRound {
  const round = currentRound(c.inspections);
  if (!round) throw new AppError('INVALID_STATE', '踏勘尚未开始');
  return round;
}

/** The case with its last round replaced. */
export const withRound = (c: StoredCase, round: InspectionRound): CaseRecord => ({
  ...c, inspections: [...(c.inspections ?? []).slice(0, -1), round],
});

/** A fresh one-time session code from the Ids port's randomness (R8). */
export const issueSessionCode = (ctx: ActionContext, reason: SessionCodeIssue['reason']): SessionCodeIssue => ({
  code: generateSessionCode((size) => Buffer.from(ctx.ids.randomHex(size), 'hex')),
  issuedAt: ctx.now.toISOString(),
  reason,
  usedAt: null,
  usedBy: null,
  failedAttempts: 0,
});

/** How far the reporting phone is from the declared premises, against the configured threshold (R8). */
export function premisesCheckOf(ctx: ActionContext, c: CaseRecord, location: DeviceLocation, reportedByName: string): PremisesCheckRecord {
  const thresholdMeters = ctx.config.inspection.premisesThresholdMeters;
  return {
    ...checkPremisesLocation(c.premises, location, thresholdMeters),
    thresholdMeters,
    location: { latitude: location.latitude, longitude: location.longitude, accuracy: location.accuracy ?? null },
    at: ctx.now.toISOString(),
    reportedBy: ctx.caller.openid,
    reportedByName,
  };
}

/** The caller's name as the record shows it; applicants and on-site contacts often have no user record. */
export const callerName = (ctx: ActionContext, c: CaseRecord, r: Relation): string =>
  ctx.caller.name || (r.applicant ? c.applicantName : r.contact ? '现场联系人' : '用户');

/** The office's side (and the regulator): sees the location check, remarks, signatures and the archive. */
const officeSide = (r: Relation): boolean =>
  r.handler || r.sectionStaff || r.sectionHead || r.observer || r.supervisor || r.regulator || r.admin;

export const toFindingView = (round: number, f: Finding): ChecklistFindingView => ({
  round,
  result: f.result,
  resultLabel: RESULT_LABELS[f.result],
  ...(f.note ? { note: f.note } : {}),
  evidenceSeqs: f.evidenceSeqs,
  revision: f.revision,
  savedAt: f.savedAt,
  savedByName: f.savedByName,
});

const toPremisesCheckView = (p: PremisesCheckRecord): PremisesCheckView => ({
  distanceMeters: p.distanceMeters,
  accuracyMeters: p.accuracyMeters,
  thresholdMeters: p.thresholdMeters,
  flagged: p.flagged,
  note: p.accuracyNote,
  checkedAt: p.at,
  reportedByName: p.reportedByName,
});

const toRoundView = (round: InspectionRound, office: boolean): InspectionRoundView => ({
  round: round.round,
  startedAt: round.startedAt,
  itemCodes: round.itemCodes,
  resumptions: round.resumptions.map((r) => ({ at: r.at, ...(r.note ? { note: r.note } : {}) })),
  ...(office ? { premisesChecks: round.premisesChecks.map(toPremisesCheckView) } : {}),
});

async function toDecisionView(ctx: ActionContext, d: DecisionRecord, office: boolean): Promise<DecisionView> {
  return {
    round: d.round,
    outcome: d.outcome,
    outcomeLabel: OUTCOME_LABELS[d.outcome],
    opinion: d.opinion,
    reasons: d.reasons,
    decidedByName: d.decidedByName,
    decidedAt: d.decidedAt,
    afterDeadline: d.afterDeadline,
    ...(office ? { signatureUrl: await ctx.files.downloadUrl(d.signatureFileId) } : {}),
  };
}

const toRectificationView = (r: Rectification, now: Date, provisional: boolean): RectificationView => ({
  round: r.round,
  items: r.items.map((item) => ({
    id: item.id,
    ...(item.itemCode ? { itemCode: item.itemCode } : {}),
    requirement: item.requirement,
    proofs: item.proofs.map((p) => ({ evidenceSeq: p.evidenceSeq, ...(p.note ? { note: p.note } : {}), submittedAt: p.submittedAt })),
  })),
  workingDays: r.workingDays,
  deadline: r.deadline,
  deadlineProvisional: provisional,
  overdue: now.getTime() > Date.parse(r.deadline),
  ...(r.reinspectionRequestedAt ? { reinspectionRequestedAt: r.reinspectionRequestedAt } : {}),
});

/** Marked when set, and its year still without a notice, or a notice entered since would move it and the handler has not decided. */
const rectificationProvisional = async (ctx: ActionContext, c: CaseRecord, r: Rectification): Promise<boolean> =>
  !!r.deadlineProvisional && (!!c.pendingRecounts?.some((p) => p.kind === 'rectification') || (await provisionalCheck(ctx.calendar)(true, r.setAt, r.deadline)));

/**
 * The inspection as the caller may see it. The session code only for the handler and observers while inspecting
 * (the on-site phone must be told it, not shown it); the location check, observer remarks, signatures and the archive
 * only for the office's side; the rating for the applicant and the office's side.
 */
export async function toInspectionView(ctx: ActionContext, c: StoredCase): Promise<InspectionView> {
  const r = relationTo(ctx.caller, c);
  const office = officeSide(r);
  const checklist = c.checklistVersion ? (await loadChecklist(ctx.store, c.matterCode, c.checklistVersion)).items : [];
  const rounds = c.inspections ?? [];
  const current = currentRound(rounds);
  const code = current?.sessionCodes.at(-1);
  const premisesCheck = current?.premisesChecks.at(-1);
  return {
    caseId: c._id,
    version: c._version,
    number: c.number,
    mode: c.mode,
    state: c.state,
    stateLabel: STATE_LABELS[c.state],
    ...(c.checklistVersion ? { checklistVersion: c.checklistVersion } : {}),
    ...(c.scheduledAt && c.scheduledEnd ? { booked: { start: c.scheduledAt, end: c.scheduledEnd } } : {}),
    round: current?.round ?? 0,
    items: checklist.map((item) => ({
      ...item,
      inCurrentRound: current?.itemCodes.includes(item.code) ?? false,
      findings: rounds.flatMap((round) => {
        const f = findingOf(round, item.code);
        return f ? [toFindingView(round.round, f)] : [];
      }),
    })),
    rounds: rounds.map((round) => toRoundView(round, office)),
    ...(code && c.state === 'inspecting' && (r.handler || r.observer)
      ? {
        sessionCode: {
          code: code.code, issuedAt: code.issuedAt, expiresAt: new Date(Date.parse(code.issuedAt) + SESSION_CODE_TTL_MS).toISOString(),
          ...(code.usedAt ? { confirmedAt: code.usedAt } : {}),
        },
      }
      : {}),
    ...(office && premisesCheck ? { premisesCheck: toPremisesCheckView(premisesCheck) } : {}),
    evidence: await toEvidenceViews(ctx, await loadChain(ctx, c._id)),
    evidenceVerifying: await pendingEvidenceOf(ctx, c._id),
    ...(c.evidenceHead ? { chainHead: { seq: c.evidenceHead.seq, entryHash: c.evidenceHead.entryHash } } : {}),
    ...(office ? { observerRemarks: (c.observerRemarks ?? []).map((m) => ({ round: m.round, at: m.at, observerName: m.byName, text: m.text })) } : {}),
    decisions: await Promise.all((c.decisions ?? []).map((d) => toDecisionView(ctx, d, office))),
    ...(c.rectification ? { rectification: toRectificationView(c.rectification, ctx.now, await rectificationProvisional(ctx, c, c.rectification)) } : {}),
    ...(c.rating && (office || r.applicant)
      ? { rating: { score: c.rating.score, ...(c.rating.comment ? { suggestions: c.rating.comment } : {}), ratedAt: c.rating.at } }
      : {}),
    ...(c.archive && office
      ? {
        archive: {
          fileName: c.archive.fileName, sha256: c.archive.sha256, size: c.archive.size, generatedAt: c.archive.generatedAt,
          ...(c.archive.chainHead ? { chainHead: c.archive.chainHead.entryHash } : {}),
        },
      }
      : {}),
    can: allowedCaseActions(ctx.caller, c),
  };
}
