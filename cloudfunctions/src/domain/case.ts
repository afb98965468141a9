import type { CaseState, Company, InspectionMode, IntakeChannel, Premises } from '../../../typings/models';

export interface Material {
  fileId: string;
  name: string;
  size: number;
  uploadedAt: string;
}

/** One application of one matter by one applicant 办件, as stored in `cases`. */
export interface CaseRecord {
  number: string;
  matterCode: string;
  matterName: string;
  sectionCode: string;
  sectorCode: string;
  /** The inspection standard the case was accepted under; set at acceptance and never changed. */
  checklistVersion?: number;
  mode: InspectionMode;
  channel: IntakeChannel;
  /** OPENID of the applicant; null for a counter case not yet claimed by the applicant in the Mini Program. */
  applicantId: string | null;
  applicantName: string;
  applicantPhone: string;
  company: Company;
  premises: Premises;
  materials: Material[];
  state: CaseState;
  /** The first handler for good (R18); only a section head or admin may reassign. */
  handlerId: string | null;
  handlerName: string | null;
  /** On-site contacts 现场联系人 the applicant invited, and observers 观察员 a supervisor assigned. */
  contactIds?: string[];
  observerIds?: string[];
  registeredBy?: string;
  /** Code an applicant enters to take over a case staff registered for them. */
  claimCode?: string;
  submittedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  groupLabel?: string;
  returnNote?: string;
  refuseReason?: string;
  withdrawReason?: string;
  onsiteReason?: string;
}

/** An append-only audit entry: who, when, which case, from → to, why. */
export interface AuditEntry {
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  subject: string;
  caseId?: string;
  from?: CaseState;
  to?: CaseState;
  note?: string;
  requestId?: string;
}
