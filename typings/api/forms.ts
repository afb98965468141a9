import type {
  CaseFormsView, FormKind, FormTemplateView, GroupInvite, GroupMessageView, GroupView, Page, QueueEntry, ReadinessView,
  SignedCopyView,
} from '../models';
import type { CaseRef, PageQuery } from './core';

/** Request and response of the forms actions: signing, the inspection group, scheduling and the meeting. */
export interface FormsActions {
  /** Admin: the form texts in force, with the placeholders they may use. */
  getFormTemplates: { req: Record<string, never>; res: FormTemplateView[] };
  /** Admin: publishes a new version of one form; cases already signed keep theirs. */
  /**
   * Admin: publishes a new version of one form. A long text comes as an uploaded UTF-8 file (`textFileId`, purpose
   * formTemplate, one paragraph per line) rather than in the call, which WeChat keeps under 100 KB.
   */
  publishFormTemplate: { req: { kind: FormKind; title: string; paragraphs?: string[]; textFileId?: string }; res: FormTemplateView };

  /** The two forms filled with the case's facts: the versions signed, or those to sign. */
  getCaseForms: { req: { caseId: string }; res: CaseFormsView };
  /** Applicant: signs one form with the signature image uploaded for it; signing again changes nothing. */
  signForm: { req: CaseRef & { kind: FormKind; templateVersion: number; signatureFileId: string }; res: ReadinessView };
  /** Handler: countersigns the office's copy of the consent form. */
  countersignConsent: { req: CaseRef & { signatureFileId: string }; res: ReadinessView };
  /** The caller's copies of the signed forms: the applicant's copies for the applicant, the office's for staff. */
  getSignedFormCopies: { req: { caseId: string }; res: SignedCopyView[] };

  /** Applicant: opens the inspection group; with both forms signed the case is then ready for scheduling. */
  openGroup: { req: { caseId: string }; res: GroupView };
  getGroup: { req: { caseId: string }; res: GroupView };
  /** Older messages: offset counts back from the newest. */
  listGroupMessages: { req: PageQuery & { caseId: string }; res: Page<GroupMessageView> };
  postGroupMessage: { req: { caseId: string; text?: string; imageFileId?: string }; res: GroupMessageView };
  /** Applicant: an expiring, single-use invite for an on-site contact. */
  inviteContact: { req: { caseId: string }; res: GroupInvite };
  /** The invited person joins the group as an on-site contact. */
  joinGroupByInvite: { req: { token: string }; res: GroupView };
  /** Admin: publishes the section's WeChat group QR code; without a file, takes it down. */
  setSectionGroupQr: { req: { sectionCode: string; qrFileId?: string }; res: { sectionCode: string; published: boolean } };

  /** Staff: their cases ready for scheduling, in acceptance order (R11). */
  getReadyQueue: { req: PageQuery; res: Page<QueueEntry> };
  /** Handler: up to three slot starts; a case taken before an earlier-accepted one needs a reason. */
  offerSlots: { req: CaseRef & { starts: string[]; reason?: string }; res: ReadinessView };
  /** Applicant: none of the offered times suits. */
  requestOtherTimes: { req: CaseRef & { note: string }; res: ReadinessView };
  /** Applicant: picks one offered slot; the meeting is created for it where Tencent Meeting is configured. */
  bookSlot: { req: CaseRef & { start: string }; res: ReadinessView };
  /** Applicant or handler: moves a booked inspection back to scheduling, with a reason. */
  rescheduleInspection: { req: CaseRef & { reason: string }; res: ReadinessView };
  /** Handler: the applicant did not come to the booked meeting. */
  recordNoShow: { req: CaseRef & { note?: string }; res: ReadinessView };
  /** Handler: creates the booked slot's meeting through Tencent Meeting (again, after a failure). */
  createMeeting: { req: CaseRef; res: ReadinessView };
  /** Handler: the code, link or invitation of a meeting they scheduled themselves. */
  setMeetingManually: { req: CaseRef & { pasted: string }; res: ReadinessView };
}
