import type { FindingKind, FindingSeverity, FollowUpStatus, FollowUpView } from '../../../typings/models';
import type { Material } from '../domain/case';
import { FINDING_KIND_LABELS, FOLLOW_UP_STATUS_LABELS, SEVERITY_LABELS } from '../domain/credit-finding';
import type { Stored } from '../ports/store';

/** A follow-up visit 监督回访 of one drawn case, stored in `followUps` with the id of followUpId(). */
export interface FollowUpRecord {
  month: string;
  caseId: string;
  caseNumber: string;
  matterCode: string;
  matterName: string;
  companyName: string;
  premisesAddress: string;
  status: FollowUpStatus;
  dueAt: string;
  /** Counted on the statutory holidays of a year whose notice is not yet entered. */
  dueProvisional?: boolean;
  createdAt: string;
  outcome?: {
    result: 'consistent' | 'finding';
    findingKind?: FindingKind;
    severity?: FindingSeverity;
    note: string;
    evidence: Material[];
    recordedAt: string;
    recordedBy: string;
    recordedByName: string;
    findingId?: string;
  };
}

/** One follow-up per drawn case and month, so a re-run of the draw can never create a second. */
export const followUpId = (month: string, caseId: string): string => `${month}-${caseId}`;

export function toFollowUpView(f: Stored<FollowUpRecord>, now: Date): FollowUpView {
  const { outcome } = f;
  return {
    id: f._id,
    version: f._version,
    month: f.month,
    caseId: f.caseId,
    caseNumber: f.caseNumber,
    matterName: f.matterName,
    companyName: f.companyName,
    premisesAddress: f.premisesAddress,
    status: f.status,
    statusLabel: FOLLOW_UP_STATUS_LABELS[f.status],
    dueAt: f.dueAt,
    ...(f.dueProvisional ? { dueProvisional: true } : {}),
    overdue: f.status === 'open' && f.dueAt < now.toISOString(),
    ...(outcome
      ? {
          outcome: {
            result: outcome.result,
            ...(outcome.findingKind ? { findingKind: outcome.findingKind, findingKindLabel: FINDING_KIND_LABELS[outcome.findingKind] } : {}),
            ...(outcome.severity ? { severity: outcome.severity, severityLabel: SEVERITY_LABELS[outcome.severity] } : {}),
            note: outcome.note,
            evidence: outcome.evidence,
            recordedAt: outcome.recordedAt,
            recordedByName: outcome.recordedByName,
            ...(outcome.findingId ? { findingId: outcome.findingId } : {}),
          },
        }
      : {}),
  };
}
