import type {
  ArchiveLink, CaseView, ChecklistResult, DecisionOutcome, DeviceLocation, EvidenceVerification, EvidenceVerificationPending, EvidenceView, ChecklistFindingView, InspectionView, Page,
  PendingEvidenceView, RecountKind, RegulatorInboxEntry, SessionCodeConfirmation,
} from '../models';
import type { CaseRef, PageQuery } from './core';

/** A rectification item 整改事项 as the handler words it; `itemCode` names the checklist item it comes from. */
export interface RectificationItemInput {
  itemCode?: string;
  requirement: string;
}

/** A finding as saved, and the case's version after it. */
export interface SavedFinding {
  caseVersion: number;
  itemCode: string;
  finding: ChecklistFindingView;
}

/** Request and response of the inspection actions: the record, evidence, decision, rectification, archive, push, rating. */
export interface InspectionActions {
  /** The inspection as the caller may see it: checklist with findings per round, evidence, decision, rectification. */
  getInspection: { req: { caseId: string }; res: InspectionView };

  /** Handler: starts the booked inspection (or re-inspection) and gets a one-time session code to read out. */
  startInspection: { req: CaseRef & { location?: DeviceLocation }; res: InspectionView };
  /** Handler: picks up a dropped call; recorded, with a new session code. */
  resumeInspection: { req: CaseRef & { note?: string }; res: InspectionView };
  /** Applicant or on-site contact: enters the code read out, from the phone at the premises, with its location. */
  confirmSessionCode: { req: { caseId: string; code: string; location: DeviceLocation }; res: SessionCodeConfirmation };
  /**
   * Handler: one item's finding. `revision` is the item's revision the console last saw (0: never saved); a save
   * made elsewhere since fails with CONFLICT, the same value saved again changes nothing.
   */
  saveChecklistItem: {
    req: { caseId: string; itemCode: string; result: ChecklistResult; note?: string; evidenceSeqs?: number[]; revision: number };
    res: SavedFinding;
  };
  /** Observer: a remark for the record. */
  addObserverRemark: { req: { caseId: string; text: string }; res: InspectionView };

  /**
   * A file uploaded with requestUpload (purpose 'evidence') joins the case's hash chain: the handler's screenshots and
   * recordings (from the album or a chat), or a live photo the applicant or an on-site contact took in the Mini
   * Program, with the capture time and place the camera page stamped on it.
   */
  addEvidence: {
    req: {
      caseId: string; fileId: string; kind: 'screenshot' | 'recording' | 'live-photo';
      capturedAt?: string; location?: DeviceLocation; description?: string;
      /** SHA-256 (lower-case hex) the Mini Program computed at capture; required for live photos. */
      clientSha256?: string;
    };
    /** The chained record, or, for a large file still being hashed, the file as 校验中. */
    res: EvidenceView | PendingEvidenceView;
  };
  /** Handler: the meeting's Tencent Meeting cloud recording, chained as a reference (the recording stays with Tencent). */
  attachMeetingRecording: {
    req: { caseId: string; recordFileId: string; meetingId?: string; meetingCode?: string; description?: string };
    res: EvidenceView;
  };
  /** Handler: marks a piece of evidence superseded, with the reason; nothing is ever deleted. */
  supersedeEvidence: { req: { caseId: string; seq: number; reason: string }; res: InspectionView };
  /**
   * Handler, supervisors, admin: recomputes every file's hash and the chain; names what changed or went missing. While
   * large files are still being hashed in steps the answer is how far it has got (校验中): ask again.
   */
  verifyEvidence: { req: { caseId: string }; res: EvidenceVerification | EvidenceVerificationPending };

  /**
   * Handler: pass, rectification or fail, with the opinion and the handwritten signature (uploaded with purpose
   * 'signature'). Rectification items default to the failed checklist items; fail needs reasons.
   */
  decideInspection: {
    req: CaseRef & {
      outcome: DecisionOutcome; opinion: string; signatureFileId: string;
      reasons?: string[]; rectificationItems?: RectificationItemInput[];
    };
    res: InspectionView;
  };
  /** Applicant: proof of one rectification item (files uploaded with purpose 'proof'), before the deadline. */
  submitRectificationProof: { req: { caseId: string; itemId: string; fileIds: string[]; note?: string }; res: InspectionView };
  /** Applicant: every item has proof; asks for the re-inspection before the deadline. */
  requestReinspection: { req: CaseRef; res: InspectionView };

  /** Handler or admin: makes the archive and pushes the case again, when that failed after the decision. */
  archiveCase: { req: CaseRef; res: InspectionView };
  /** The case's applicant, staff, supervisors, the sector's regulator, admin: a link to the archive PDF (signed forms appended). */
  getArchive: { req: { caseId: string }; res: ArchiveLink };
  /** Regulator: the cases pushed to their sector, newest first. */
  listRegulatorInbox: { req: PageQuery; res: Page<RegulatorInboxEntry> };

  /** Applicant: rates the service once after the decision (R19); a different second rating is refused. */
  rateService: { req: { caseId: string; score: number; suggestions?: string }; res: InspectionView };
  /**
   * The case's handler: on a deadline a newly entered holiday notice would move (CaseView.pendingRecounts), adopt the
   * new date (the applicant is told a new rectification deadline) or keep the issued one (`issued` names it).
   */
  settleRecountedDeadline: { req: CaseRef & { deadline: RecountKind; issued: string; adopt: boolean }; res: CaseView };
}
