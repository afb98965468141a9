import type { FindingKind, FindingSeverity, CreditFindingView } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { Material } from '../domain/case';
import { FINDING_KIND_LABELS, FINDING_SOURCE_LABELS, SEVERITY_LABELS } from '../domain/credit-finding';
import type { Stored } from '../ports/store';
import { writeAudit } from './audit';
import type { StoredCase } from './cases';
import { roleHolders } from './role-holders';
import { SUPERVISE_PAGES } from './supervision-pages';

/** A finding of dishonesty on a case (R8, R15), waiting for or carrying the supervisor's credit decision. */
export interface FindingRecord {
  caseId: string;
  caseNumber: string;
  matterCode: string;
  matterName: string;
  companyName: string;
  source: 'followUp' | 'regulator';
  followUpId?: string;
  kind: FindingKind;
  severity: FindingSeverity;
  description: string;
  evidence: Material[];
  reportedAt: string;
  reportedBy: string;
  reportedByName: string;
  status: 'pending' | 'decided';
  decision?: {
    decidedAt: string;
    decidedBy: string;
    decidedByName: string;
    reason: string;
    correctionDeadline?: string;
    correctionDeadlineProvisional?: boolean;
    licenceRevoked: boolean;
    blacklistUntil?: string;
  };
  /** The order-to-correct deadline a newly entered holiday notice would move, until a supervisor adopts or keeps it (issue 10). */
  pendingRecount?: { issued: string; wouldBe: string; year: number; notedAt: string };
}

export type StoredFinding = Stored<FindingRecord>;

/** The finding of a follow-up visit has an id derived from the visit, so recording the outcome twice adds one. */
export const followUpFindingId = (followUpId: string): string => `fu-${followUpId}`;

export const newFinding = (
  ctx: ActionContext, c: StoredCase, input: Pick<FindingRecord, 'source' | 'kind' | 'severity' | 'description' | 'evidence'> & { followUpId?: string },
): FindingRecord => ({
  caseId: c._id,
  caseNumber: c.number,
  matterCode: c.matterCode,
  matterName: c.matterName,
  companyName: c.company.name,
  ...input,
  reportedAt: ctx.now.toISOString(),
  reportedBy: ctx.caller.openid,
  reportedByName: ctx.caller.name,
  status: 'pending',
});

/** The audit entry of a new finding, and a notice to every supervisor, who must decide on it. */
export async function announceFinding(ctx: ActionContext, id: string, finding: FindingRecord): Promise<void> {
  await writeAudit(ctx, `findings/${id}:1`, {
    action: finding.source === 'followUp' ? 'recordFollowUpOutcome' : 'reportFinding',
    subject: `findings/${id}`,
    note: `${finding.caseNumber} ${FINDING_KIND_LABELS[finding.kind]}（${SEVERITY_LABELS[finding.severity]}）`,
  });
  const supervisors = await roleHolders(ctx.store, 'supervisor');
  await ctx.notifier.queue(
    supervisors.map((s) => ({
      id: `findings:${id}:findingReported:${s._id}`,
      event: 'findingReported',
      to: s._id,
      caseId: finding.caseId,
      title: '发现失信问题，待作出处理决定',
      body: `${finding.caseNumber} ${finding.companyName}：${FINDING_KIND_LABELS[finding.kind]}（${SEVERITY_LABELS[finding.severity]}，${FINDING_SOURCE_LABELS[finding.source]}）`,
      page: SUPERVISE_PAGES.finding(id),
      fields: { number: finding.caseNumber, matter: finding.matterName },
    })),
  );
}

export async function loadFinding(ctx: ActionContext, id: string): Promise<StoredFinding> {
  const found = await ctx.store.get<FindingRecord>('findings', id);
  if (!found) throw new AppError('NOT_FOUND', '未找到该问题记录');
  return found;
}

export function toFindingView(f: StoredFinding): CreditFindingView {
  return {
    id: f._id,
    version: f._version,
    caseId: f.caseId,
    caseNumber: f.caseNumber,
    matterName: f.matterName,
    companyName: f.companyName,
    source: f.source,
    sourceLabel: FINDING_SOURCE_LABELS[f.source],
    kind: f.kind,
    kindLabel: FINDING_KIND_LABELS[f.kind],
    severity: f.severity,
    severityLabel: SEVERITY_LABELS[f.severity],
    description: f.description,
    evidence: f.evidence,
    reportedAt: f.reportedAt,
    reportedByName: f.reportedByName,
    status: f.status,
    ...(f.followUpId ? { followUpId: f.followUpId } : {}),
    ...(f.decision
      ? {
          decision: {
            decidedAt: f.decision.decidedAt,
            decidedByName: f.decision.decidedByName,
            reason: f.decision.reason,
            licenceRevoked: f.decision.licenceRevoked,
            ...(f.decision.correctionDeadline ? { correctionDeadline: f.decision.correctionDeadline } : {}),
            ...(f.decision.correctionDeadlineProvisional ? { correctionDeadlineProvisional: true } : {}),
            ...(f.decision.blacklistUntil ? { blacklistUntil: f.decision.blacklistUntil } : {}),
          },
        }
      : {}),
    ...(f.pendingRecount ? { pendingRecount: { issued: f.pendingRecount.issued, wouldBe: f.pendingRecount.wouldBe, year: f.pendingRecount.year } } : {}),
  };
}
