import type { CaseState, Company, InspectionMode, IntakeChannel, Premises, RecountKind } from '../../../typings/models';
import type { MeetingInfo } from '../ports/meetings';
import type { ChainHead } from './evidence-chain';
import type { ArchiveRecord, DecisionRecord, InspectionRound, ObserverRemark, Rectification } from './inspection';
import type { TimeSlot } from './inspection-slots';
import type { SignedForms } from './signed-form';

export interface Material {
  fileId: string;
  name: string;
  size: number;
  uploadedAt: string;
  /** Content type and SHA-256 of the copy frozen into the case's own folder when it was submitted. */
  type?: string;
  sha256?: string;
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
  /** The officer who registered a counter or e-mail case: never its applicant, nor its handler unless the head decides. */
  registeredBy?: string;
  /** How a counter or e-mail case came in, and its claim by the applicant (R9). */
  registration?: Registration;
  submittedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  groupLabel?: string;
  returnNote?: string;
  refuseReason?: string;
  withdrawReason?: string;
  onsiteReason?: string;
  /** When a remote case was switched to on-site inspection; it then goes on along the on-site path. */
  switchedToOnsiteAt?: string;
  /** The mode the applicant chose, kept when the office switched it (R20 counts the applicant's choice). */
  requestedMode?: InspectionMode;
  /** Start of the booked inspection slot, while one is booked (supervisors list upcoming inspections by it, R17). */
  scheduledAt?: string;
  /** Result of the first inspection, the one made at decidedAt (R20 statistics; absent counts as none). */
  decision?: 'pass' | 'rectify' | 'fail';
  /** Inspections held, the first included: re-inspections are rounds − 1 (absent counts as one). */
  rounds?: number;
  /** Booked slots the applicant did not attend (absent counts as zero). */
  noShows?: number;
  /** The consent form and the commitment letter as signed (R6). */
  forms?: SignedForms;
  /** When the applicant first opened the inspection group; with both forms signed the case is then ready (R5). */
  groupOpenedAt?: string;
  /** Slots the handler offered, for the applicant to pick one (R11). */
  offeredSlots?: TimeSlot[];
  /** The applicant asked for other times than those offered. */
  otherTimesRequest?: { note: string; at: string };
  /** End of the booked slot, whose start is scheduledAt. */
  scheduledEnd?: string;
  /** The officer whose day holds the booking: the handler when it was booked. */
  bookedWith?: string;
  /** Booked inspections moved by either side (absent counts as zero). */
  reschedules?: number;
  /** The booked slot's Tencent Meeting (R12). */
  meeting?: MeetingInfo & { createdAt: string };
  /** The applicant's satisfaction rating after the decision (R19), score 1–5. */
  rating?: { score: number; comment?: string; at: string };
  /** The licence was revoked 撤销行政许可 after a credit finding (R8); the case then shows 已撤销. */
  revocation?: { revokedAt: string; reason: string; findingId: string; byName: string };
  /** The inspections held (R12): round 1, then one per re-inspection, each with its findings item by item. */
  inspections?: InspectionRound[];
  /** Every decision in order (R14), the last in force; `decision` above keeps the first one's outcome. */
  decisions?: DecisionRecord[];
  /** The rectification ordered at the first inspection, with the applicant's proofs and the deadline. */
  rectification?: Rectification;
  observerRemarks?: ObserverRemark[];
  /** The last record of the case's evidence hash chain (R4, R13); the records are in `evidence`. */
  evidenceHead?: ChainHead;
  /** The inspection archive PDF made at the final decision (R13). */
  archive?: ArchiveRecord;
  /** Issued deadlines a newly entered holiday notice would move: the handler adopts the new date or keeps the issued one. */
  pendingRecounts?: PendingRecount[];
}

/** One issued deadline and the date the calendar as entered now gives it (issue 10): never changed without the handler. */
export interface PendingRecount {
  kind: RecountKind;
  issued: string;
  wouldBe: string;
  /** The year whose notice was entered. */
  year: number;
  /** The follow-up visit whose due date it is (kind followUp). */
  followUpId?: string;
  notedAt: string;
}

export interface Registration {
  receivedAt: string;
  registeredByName: string;
  email?: { from: string; subject: string };
  applicantEmail?: string;
  /** The claim code in force (its hash: the code itself is only printed); a re-issue replaces it. */
  claimCodeHash: string;
  claimExpiresAt: string;
  /** The printable receipt rendered with the code in force: the one place that code can still be read. */
  receiptFileId?: string;
  claimedAt?: string;
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
