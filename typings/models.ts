// Shapes the Mini Program sees. The cloud's zod schemas and views are checked against these by the compiler.

/** Roles granted by an admin and stored per OPENID. Applicant, on-site contact and observer are relations to a case. */
export type GrantedRole = 'staff' | 'sectionHead' | 'supervisor' | 'regulator' | 'admin';
export type Role = GrantedRole | 'applicant';

export type CaseState =
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'rejected'
  | 'accepted'
  | 'signed'
  | 'ready'
  | 'scheduled'
  | 'inspecting'
  | 'rectifying'
  | 'passed'
  | 'failed'
  | 'archived'
  | 'withdrawn'
  | 'onsite';

export type InspectionMode = 'remote' | 'onsite';
export type IntakeChannel = 'miniprogram' | 'counter' | 'email';

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface WhoAmI {
  openid: string;
  name: string;
  roles: Role[];
  sectionCode?: string;
  sectorCode?: string;
  /** Actions this caller may call at all (per-case checks still apply). */
  actions: string[];
  localMode: boolean;
}

export interface UserView {
  openid: string;
  name: string;
  phoneMasked?: string;
  roles: GrantedRole[];
  sectionCode?: string;
  sectorCode?: string;
}

export interface ChecklistItem {
  code: string;
  title: string;
  /** What the officer looks at on camera. */
  lookAt: string;
  /** What counts as conforming. */
  conforming: string;
}

export interface MatterSummary {
  code: string;
  name: string;
  sectionName: string;
  remoteAllowed: boolean;
  checklistVersion: number;
  /** The approving section: the counter registers only its own section's matters. */
  sectionCode: string;
  /** The sector regulator 行业监管部门 that receives completed cases (R15): the admin picks a regulator's sector by it. */
  sectorCode: string;
  regulatorName: string;
}

export interface MatterView extends MatterSummary {
  legalBasis: string[];
  checklist: ChecklistItem[];
  preparation: string[];
}

export interface Premises {
  address: string;
  latitude: number;
  longitude: number;
}

export interface Company {
  name: string;
  creditCode: string;
}

export interface MaterialView {
  fileId: string;
  name: string;
  size: number;
  uploadedAt: string;
  /** Of the copy kept in the case's own folder since submission (absent on cases from before copies were kept). */
  type?: string;
  sha256?: string;
}

export interface TimelineEntry {
  at: string;
  actorName: string;
  action: string;
  actionLabel: string;
  from?: CaseState;
  to?: CaseState;
  note?: string;
  /** For the office and its overseers only: the hashes that let an entry be checked (the page's 核验 part). */
  verification?: string;
}

export interface CaseSummary {
  id: string;
  number: string;
  matterName: string;
  companyName: string;
  state: CaseState;
  stateLabel: string;
  mode: InspectionMode;
  submittedAt?: string;
  acceptedAt?: string;
  handlerName?: string;
  /** Masked unless the caller may see it in full: the applicant themselves, the handling officer (application/audience). */
  applicantNameMasked: string;
  /** The licence was revoked after a credit finding (R8); stateLabel then reads 已撤销. */
  revoked?: boolean;
  /** A re-inspection after rectification (R14) on its way: queues mark it 复查; it keeps its acceptance order. */
  reinspection?: boolean;
}

export interface CaseView extends CaseSummary {
  version: number;
  matterCode: string;
  sectionCode: string;
  checklistVersion?: number;
  channel: IntakeChannel;
  applicantName: string;
  /** In full for the applicant themselves and the handling officer, masked for everyone else (application/audience). */
  applicantPhoneMasked: string;
  company: Company;
  premises: Premises;
  materials: MaterialView[];
  returnNote?: string;
  refuseReason?: string;
  withdrawReason?: string;
  onsiteReason?: string;
  revocation?: { revokedAt: string; reason: string };
  /** Label every group member shows: 事项名称-受理时间-申请人姓名 (R5). */
  groupLabel?: string;
  timeline: TimelineEntry[];
  /** The handler's OPENID, shown to the office's own staff only (the reassignment picker needs it). */
  handlerOpenid?: string;
  /** What the caller may do next on this case (the server still checks). */
  can: string[];
  /** A counter or e-mail case (R9): how it came in, shown to the office's side. */
  intake?: IntakeView;
  /** Registered by the office and not yet claimed in WeChat: the forms wait for the applicant's claim. */
  awaitingClaim?: boolean;
  /** The handler only: issued deadlines a newly entered holiday notice would move, waiting for their decision. */
  pendingRecounts?: PendingRecountView[];
  /** The handler only: the booked start, when its day is not a working day under the calendar in force (reschedule it). */
  bookingOnHoliday?: string;
}

/** Which issued deadline a holiday notice would move. */
export type RecountKind = 'rectification' | 'followUp';

/** An issued deadline and the date the holiday notice as entered gives it; the handler adopts it or keeps the issued one. */
export interface PendingRecountView {
  kind: RecountKind;
  /** 整改期限 or 监督回访期限. */
  kindLabel: string;
  issued: string;
  wouldBe: string;
  year: number;
}

/** How a registered case came in, and where its claim stands. */
export interface IntakeView {
  channelLabel: string;
  receivedAt: string;
  registeredByName: string;
  emailFrom?: string;
  emailSubject?: string;
  applicantEmail?: string;
  /** The current claim code's expiry while the case is unclaimed. */
  claimExpiresAt?: string;
  claimedAt?: string;
}

export interface UploadTicket {
  /** The cloud path to upload to: wx.cloud.uploadFile's cloudPath, or the `cloudPath` field posted to the local runtime's /upload. */
  cloudPath: string;
}

// ── Forms, the inspection group, scheduling and the meeting (R5, R6, R10, R11, R12) ──

/** The two forms the applicant signs after acceptance: the consent form 同意书 and the commitment letter 告知承诺书. */
export type FormKind = 'consent' | 'commitment';
/** 一式两份: the applicant's copy and the office's. */
export type FormCopy = 'applicant' | 'office';

/** A form template as the admin edits it: `{{placeholders}}` are filled from the case. */
export interface FormTemplateView {
  kind: FormKind;
  name: string;
  version: number;
  title: string;
  paragraphs: string[];
  /** Names the text may use, e.g. {{companyName}}. */
  placeholders: string[];
  publishedAt?: string;
}

/** Where one form of a case stands. */
export interface FormStatus {
  kind: FormKind;
  name: string;
  signedAt?: string;
  /** The template version signed, kept for good. */
  signedVersion?: number;
  countersignedAt?: string;
}

/** A form filled with the case's facts, as the applicant reads it before signing (or as signed). */
export interface CaseFormView extends FormStatus {
  /** The version shown: the one signed, or the one in force now; signing names it so a newer text is never signed unread. */
  version: number;
  title: string;
  paragraphs: string[];
}

export interface CaseFormsView {
  caseId: string;
  caseVersion: number;
  forms: CaseFormView[];
}

/** A signed PDF the caller may open (wx.downloadFile then wx.openDocument). */
export interface SignedCopyView {
  kind: FormKind;
  name: string;
  copy: FormCopy;
  copyLabel: string;
  version: number;
  signedAt: string;
  countersigned: boolean;
  sha256: string;
  size: number;
  url: string;
}

export interface TimeSlot {
  /** ISO instants. */
  start: string;
  end: string;
  /** Its day is in a year counted on the statutory holidays (no State Council notice entered): may still change. */
  provisional?: boolean;
}

export interface SchedulingView {
  /** Slots the handler offered; the applicant picks one. */
  offeredSlots: TimeSlot[];
  /** The applicant asked for other times instead. */
  otherTimesRequest?: { note: string; at: string };
  booked?: TimeSlot;
  reschedules: number;
  noShows: number;
}

/** What the meeting button needs: open the Tencent Meeting Mini Program, or copy the code and link. */
export interface MeetingCard {
  start: string;
  end: string;
  meetingCode?: string;
  joinUrl?: string;
  password?: string;
  /** wx.navigateToMiniProgram({appId, path}); absent until there is a meeting code. */
  miniProgram?: { appId: string; path: string };
  /** The booked day's year has no State Council notice entered yet: the notice may yet make it a holiday. */
  provisional?: boolean;
}

/** The case with what stands between acceptance and the inspection: forms, scheduling, the meeting. */
export interface ReadinessView {
  case: CaseView;
  forms: FormStatus[];
  scheduling: SchedulingView;
  meeting?: MeetingCard;
}

export type GroupRole = 'applicant' | 'contact' | 'handler' | 'observer';

export interface GroupMember {
  role: GroupRole;
  roleLabel: string;
  /** 事项名称-受理时间-申请人姓名 (R5). */
  label: string;
  me: boolean;
}

export interface GroupMessageView {
  id: string;
  at: string;
  senderRole: GroupRole;
  senderLabel: string;
  mine: boolean;
  text?: string;
  imageUrl?: string;
}

export interface ManualSection {
  title: string;
  paragraphs: string[];
}

/** The inspection group page (R5, R10). */
export interface GroupView extends ReadinessView {
  label: string;
  members: GroupMember[];
  /** The newest messages, oldest first. */
  messages: Page<GroupMessageView>;
  /** What to have ready in front of the camera for this matter. */
  preparation: string[];
  /** Attachment 2: how to join and show the premises in Tencent Meeting. */
  manual: ManualSection[];
  /** The section's WeChat group, where published: the label is copied for the member's group nickname. */
  wechatGroup?: { qrCodeUrl: string; nickname: string };
}

/** A share card's invite for an on-site contact: single use, expiring. */
export interface GroupInvite {
  token: string;
  expiresAt: string;
  label: string;
}

/** One case of the officer's ready queue, in acceptance order. */
export interface QueueEntry extends CaseSummary {
  position: number;
  /** Slots are out with the applicant: the officer waits for their pick. */
  slotsOffered: boolean;
  otherTimesRequest?: { note: string; at: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Supervision 政策法规科: the monthly draw (R7), follow-up visits, credit findings (R8, R15), observers (R17),
// statistics (R1, R19, R20).

/** One case of a draw's frozen population; no personal data. decidedAt is canonical UTC. */
export interface DrawPopulationEntry {
  id: string;
  number: string;
  matterCode: string;
  decidedAt: string;
}

export interface DrawAllocation {
  matterCode: string;
  /** Cases of this matter in the population. */
  cases: number;
  /** Cases of this matter drawn. */
  drawn: number;
}

/** The draw record exactly as hashed (docs/monthly-draw.md): everything an auditor needs to recompute it. */
export interface DrawRecordData {
  algorithmVersion: string;
  month: string;
  /** Whole basis points: 1000 is 10%. */
  shareBasisPoints: number;
  population: DrawPopulationEntry[];
  populationHash: string;
  previousDrawHash: string;
  seed: string;
  minimumSample: number;
  allocation: DrawAllocation[];
  selectedIds: string[];
  drawHash: string;
}

export interface DrawSummary {
  month: string;
  drawnAt: string;
  /** Drawn by the monthly timer, or by a supervisor catching up a missed month. */
  trigger: 'timer' | 'supervisor';
  /** Whole basis points: 1000 is 10%. */
  shareBasisPoints: number;
  populationSize: number;
  selectedCount: number;
  drawHash: string;
}

export type FollowUpStatus = 'open' | 'consistent' | 'finding';
/** 虚报地址 / 提交虚假资料 / 故意逃避或隐瞒实际情况 */
export type FindingKind = 'falseAddress' | 'falseMaterials' | 'evasion';
/** 轻微 / 严重 / 特别严重 */
export type FindingSeverity = 'minor' | 'serious' | 'grave';

export interface DrawnCase {
  caseId: string;
  number: string;
  matterName: string;
  companyName: string;
  followUpId: string;
  followUpStatus: FollowUpStatus;
}

/** The draw record without its two long lists (at 100,000 cases a month they would not fit a call), which come a page at a time. */
export type DrawRecordHeader = Omit<DrawRecordData, 'population' | 'selectedIds'>;

/** The drawn cases with their follow-up visits, or the frozen population the draw was made from. */
export type DrawList = 'selected' | 'population';

export type DrawPage = ({ list: 'selected' } & Page<DrawnCase>) | ({ list: 'population' } & Page<DrawPopulationEntry>);

export interface DrawView extends DrawSummary {
  record: DrawRecordHeader;
  /** The names of the matters the allocation and the population name by code. */
  matterNames: Record<string, string>;
  page: DrawPage;
}

export interface DrawRunResult {
  /** False when the month had already been drawn: the stored record is returned, nothing is drawn again. */
  created: boolean;
  draw: DrawView;
}

/** What a month's draw would be made of, computed without storing anything (the selection itself is not shown). */
export interface DrawPreview {
  month: string;
  /** Whole basis points: 1000 is 10%. */
  shareBasisPoints: number;
  populationSize: number;
  populationHash: string;
  minimumSample: number;
  allocation: DrawAllocation[];
  alreadyDrawn: boolean;
}

export interface DrawVerification {
  month: string;
  ok: boolean;
  /** Each problem as 'CODE: 中文说明'. */
  problems: string[];
  codes: string[];
  drawHash: string;
  checkedAt: string;
}

export interface FollowUpOutcomeView {
  result: 'consistent' | 'finding';
  findingKind?: FindingKind;
  findingKindLabel?: string;
  severity?: FindingSeverity;
  severityLabel?: string;
  note: string;
  evidence: MaterialView[];
  recordedAt: string;
  recordedByName: string;
  findingId?: string;
}

/** A follow-up visit 监督回访 of a drawn case. */
export interface FollowUpView {
  id: string;
  version: number;
  month: string;
  caseId: string;
  caseNumber: string;
  matterName: string;
  companyName: string;
  premisesAddress: string;
  status: FollowUpStatus;
  statusLabel: string;
  dueAt: string;
  /** Counted on the statutory holidays of a year whose notice is not yet entered: may still move. */
  dueProvisional?: boolean;
  overdue: boolean;
  outcome?: FollowUpOutcomeView;
}

export interface CreditDecisionView {
  decidedAt: string;
  decidedByName: string;
  reason: string;
  /** 责令限期改正: end of the last working day allowed. */
  correctionDeadline?: string;
  /** The correction deadline was counted on the statutory holidays of a year whose notice is not yet entered. */
  correctionDeadlineProvisional?: boolean;
  licenceRevoked: boolean;
  /** 失信黑名单: end of the listing period. */
  blacklistUntil?: string;
}

/** A finding of false address, false materials or evasion, from a follow-up visit or a sector regulator. */
export interface CreditFindingView {
  id: string;
  version: number;
  caseId: string;
  caseNumber: string;
  matterName: string;
  companyName: string;
  source: 'followUp' | 'regulator';
  sourceLabel: string;
  kind: FindingKind;
  kindLabel: string;
  severity: FindingSeverity;
  severityLabel: string;
  description: string;
  evidence: MaterialView[];
  reportedAt: string;
  reportedByName: string;
  status: 'pending' | 'decided';
  followUpId?: string;
  decision?: CreditDecisionView;
  /** The order-to-correct deadline a newly entered holiday notice would move: a supervisor adopts the new date or keeps it. */
  pendingRecount?: { issued: string; wouldBe: string; year: number };
}

/** An entry in the credit file 诚信档案 of a company or a person. */
export interface CreditRecordView {
  id: string;
  subjectType: 'company' | 'person';
  subjectName: string;
  caseNumber: string;
  kindLabel: string;
  severityLabel: string;
  /** Chinese names of the measures taken, e.g. 记入诚信档案、责令限期改正. */
  measures: string[];
  reason: string;
  correctionDeadline?: string;
  correctionDeadlineProvisional?: boolean;
  blacklistUntil?: string;
  recordedAt: string;
}

export type BlacklistStatus = 'inForce' | 'expired' | 'lifted';

/** A listing on the dishonesty blacklist 失信黑名单. */
export interface BlacklistEntryView {
  id: string;
  version: number;
  subjectType: 'company' | 'person' | 'phone';
  /** Company name, or the person's name masked. */
  subjectName: string;
  caseNumber: string;
  reason: string;
  listedAt: string;
  until: string | null;
  status: BlacklistStatus;
  statusLabel: string;
  liftedAt?: string;
  liftReason?: string;
}

/** What the credit file and the blacklist hold about the caller and the companies they applied for. */
export interface MyCreditView {
  records: CreditRecordView[];
  blacklistings: BlacklistEntryView[];
}

export interface ObserverView {
  openid: string;
  name: string;
}

export interface UpcomingInspection extends CaseSummary {
  version: number;
  scheduledAt?: string;
  observers: ObserverView[];
}

/** One month and one matter (matterCode null: all matters together) of the trial's statistics. */
export interface StatisticsRow {
  month: string;
  matterCode: string | null;
  matterName: string;
  /** Cases submitted in the month, and how many chose remote inspection (R1). */
  received: number;
  receivedRemote: number;
  remoteShare: number | null;
  /** Cases first decided in the month; the outcome figures below are over these. */
  decided: number;
  /** Working days from acceptance to decision. */
  workingDaysMedian: number | null;
  workingDaysMean: number | null;
  firstTimePassRate: number | null;
  rectificationRate: number | null;
  reinspections: number;
  noShows: number;
  /** The month's draw (R7): remote cases decided in the month, cases drawn, their share. */
  spotCheckPopulation: number;
  spotCheckDrawn: number;
  spotCheckCoverage: number | null;
  followUpsDone: number;
  followUpFindings: number;
  /** Findings sector regulators reported in the month (R15). */
  regulatorFindings: number;
  /** Satisfaction ratings (R19) of the cases decided in the month: how many, and their mean score 1–5. */
  ratings: number;
  satisfactionMean: number | null;
  /** Share of the trial period elapsed at the month's end (or now, for the current month) (R20). */
  trialElapsedShare: number;
}

export interface TrialProgress {
  /** First day and end (exclusive), China dates 'YYYY-MM-DD'. */
  start: string;
  end: string;
  months: number;
  elapsedShare: number;
}

export interface StatisticsReport {
  from: string;
  to: string;
  generatedAt: string;
  trial: TrialProgress;
  rows: StatisticsRow[];
}

export interface StatisticsExport {
  fileId: string;
  fileName: string;
  /** A temporary link to the .xlsx: wx.downloadFile, then wx.openDocument opens it; wx.shareFileMessage forwards it. */
  downloadUrl: string;
  rows: number;
}

// Notifications (SPEC.md "Notifications"): the in-app inbox 消息 and WeChat subscription messages 订阅消息.

/** The subscription-message templates the office configures, each mapped to a WeChat template id per environment. */
export type SubscribeTemplateKey =
  | 'caseProgress'
  | 'inspectionResult'
  | 'todo'
  | 'meetingReminder'
  | 'rectification'
  | 'supervision'
  | 'casePushed';

/** When the Mini Program asks to subscribe (in a tap handler): after applying, after booking, on the staff and supervision tabs. */
export type SubscribeMoment = 'afterApply' | 'afterBooking' | 'staffTab' | 'supervisorTab';

/** One message of the caller's inbox. */
export interface InboxMessage {
  id: string;
  event: string;
  title: string;
  body: string;
  /** The Mini Program page the message opens (a tab page is opened with wx.switchTab, without its query). */
  page: string;
  caseId?: string;
  /** The case the message is about, as people know it: its number and the company (or matter). */
  caseLabel?: string;
  createdAt: string;
  read: boolean;
}

/** A template to ask for with wx.requestSubscribeMessage. */
export interface SubscribeTemplate {
  key: SubscribeTemplateKey;
  /** The WeChat template id configured for this environment. */
  id: string;
  title: string;
}

/** A subscription message that could not be delivered after its retries, for the admin to look into. */
export interface FailedDelivery {
  id: string;
  event: string;
  title: string;
  recipientName: string;
  caseId?: string;
  templateKey?: SubscribeTemplateKey;
  attempts: number;
  /** WeChat's errcode (or the SDK's error code) and message of the last attempt. */
  errorCode: number;
  errorMessage: string;
  createdAt: string;
  failedAt: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The inspection 踏勘 (R3, R4, R8, R12–R15, R19): the verification record, evidence, the decision, rectification and
// re-inspection, the archive, the regulator push, satisfaction.

/** A checklist item's finding: 符合 / 不符合 / 不适用. */
export type ChecklistResult = 'conforming' | 'nonConforming' | 'notApplicable';
/** The officer's decision: 通过 / 限期整改 / 不通过. */
export type DecisionOutcome = 'pass' | 'rectify' | 'fail';
/** 现场截图 / 会议录像 / 现场照片 / 整改材料 / 腾讯会议云录制. */
export type EvidenceKind = 'screenshot' | 'recording' | 'live-photo' | 'proof' | 'meeting-recording-ref';
/** Only pictures taken with the Mini Program's camera carry a capture time and place that can be trusted. */
export type EvidenceSource = 'in-app-camera' | 'album-or-chat' | 'tencent-meeting-cloud';

/** Where a phone is, as wx.getLocation({type: 'gcj02'}) reports it; accuracy in metres when reported. */
export interface DeviceLocation {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

/** One item's finding in one round. `revision` is what a later save must name (compare-and-set per item). */
export interface ChecklistFindingView {
  round: number;
  result: ChecklistResult;
  resultLabel: string;
  note?: string;
  /** Evidence in the case's chain that shows it (by seq). */
  evidenceSeqs: number[];
  revision: number;
  savedAt: string;
  savedByName: string;
}

/** A checklist item with its findings, one per round that checked it: the first finding beside the new one (R14). */
export interface InspectionItemView extends ChecklistItem {
  /** Checked in the round in progress (every item at first, the failed ones at a re-inspection). */
  inCurrentRound: boolean;
  findings: ChecklistFindingView[];
}

/** Was the phone at the declared premises when the inspection started (R8)? */
export interface PremisesCheckView {
  distanceMeters: number;
  accuracyMeters: number | null;
  thresholdMeters: number;
  flagged: boolean;
  note: string;
  checkedAt: string;
  reportedByName: string;
}

/** The one-time code the handler reads out and the on-site contact shows on camera. */
export interface SessionCodeView {
  code: string;
  issuedAt: string;
  expiresAt: string;
  /** When the on-site phone entered it. */
  confirmedAt?: string;
}

export interface InspectionRoundView {
  round: number;
  startedAt: string;
  itemCodes: string[];
  /** Dropped calls picked up again; each got a new session code. */
  resumptions: { at: string; note?: string }[];
  /** Staff only. */
  premisesChecks?: PremisesCheckView[];
}

export interface EvidenceView {
  /** `<caseId>:<seq>`; seq is the place in the case's hash chain, from 1. */
  id: string;
  seq: number;
  round: number;
  kind: EvidenceKind;
  kindLabel: string;
  source: EvidenceSource;
  sourceLabel: string;
  fileName?: string;
  description?: string;
  /** Computed by the cloud from the stored bytes. */
  sha256: string;
  size: number;
  /** Declared by the Mini Program's camera; absent for album and chat files. */
  capturedAt?: string;
  location?: { latitude: number; longitude: number; accuracy: number | null };
  uploadedByName: string;
  uploadedAt: string;
  meetingRecording?: { recordFileId: string; meetingId?: string; meetingCode?: string };
  superseded?: { bySeq: number; reason: string; at: string };
  /** Opened through getFileUrl: a link that expires, recorded in the case's access log. */
  fileId: string;
}

/**
 * A file on its way into the evidence chain: the cloud hashes a large file in steps outside the request, and the
 * file joins the chain (and becomes an EvidenceView) when its hash is done.
 */
export interface PendingEvidenceView {
  verifying: true;
  /** Stable key for the list; not shown. */
  key: string;
  kind: EvidenceKind;
  kindLabel: string;
  fileName?: string;
  size: number;
  /** 校验中, or 校验失败 when the file went missing or changed while it was hashed. */
  statusLabel: string;
  /** 0–100. */
  progress: number;
  uploadedByName: string;
  uploadedAt: string;
}

export interface DecisionView {
  round: number;
  outcome: DecisionOutcome;
  outcomeLabel: string;
  opinion: string;
  /** Why it failed (fail only). */
  reasons: string[];
  decidedByName: string;
  decidedAt: string;
  /** Taken on an overdue rectification, without a re-inspection. */
  afterDeadline: boolean;
  /** The handwritten signature; staff only. */
  signatureUrl?: string;
}

export interface RectificationItemView {
  id: string;
  /** The checklist item it comes from, if any. */
  itemCode?: string;
  requirement: string;
  proofs: { evidenceSeq: number; note?: string; submittedAt: string }[];
}

export interface RectificationView {
  /** The round whose decision ordered it. */
  round: number;
  items: RectificationItemView[];
  workingDays: number;
  /** End of the last working day, Asia/Shanghai. */
  deadline: string;
  /** Counted on the statutory holidays of a year whose notice is not yet entered: may still move. */
  deadlineProvisional: boolean;
  overdue: boolean;
  reinspectionRequestedAt?: string;
}

export interface ObserverRemarkView {
  round: number;
  at: string;
  observerName: string;
  text: string;
}

export interface RatingView {
  score: number;
  suggestions?: string;
  ratedAt: string;
}

export interface ArchiveSummary {
  fileName: string;
  sha256: string;
  size: number;
  generatedAt: string;
  /** The evidence chain's last hash printed in the archive. */
  chainHead?: string;
}

/** The inspection of one case as the caller may see it (the console, the applicant's result page, the regulator). */
export interface InspectionView {
  caseId: string;
  /** The case's version, for the actions that name it. */
  version: number;
  number: string;
  /** 现场踏勘 has no session code or meeting; the officer takes the live photos at the premises. */
  mode: InspectionMode;
  state: CaseState;
  stateLabel: string;
  checklistVersion?: number;
  /** The booked time, while one is booked: starting far from it asks first. */
  booked?: TimeSlot;
  /** The round in progress or last held; 0 before the first inspection. */
  round: number;
  items: InspectionItemView[];
  rounds: InspectionRoundView[];
  /** Handler and observers, while inspecting. */
  sessionCode?: SessionCodeView;
  /** The latest check of the round; staff only. */
  premisesCheck?: PremisesCheckView;
  evidence: EvidenceView[];
  /** Files added but not yet in the chain: their hash is still being computed (校验中), or it failed. */
  evidenceVerifying: PendingEvidenceView[];
  chainHead?: { seq: number; entryHash: string };
  /** Staff only. */
  observerRemarks?: ObserverRemarkView[];
  decisions: DecisionView[];
  rectification?: RectificationView;
  rating?: RatingView;
  archive?: ArchiveSummary;
  can: string[];
}

export type EvidenceProblemCode = 'FILE_CHANGED' | 'FILE_MISSING' | 'ENTRY_CHANGED' | 'ENTRY_MISSING' | 'ORDER_CHANGED' | 'HEAD_MISMATCH';

export interface EvidenceVerification {
  caseId: string;
  checkedAt: string;
  ok: boolean;
  /** Chain records read (files and supersede notes). */
  records: number;
  head?: { seq: number; entryHash: string };
  /** Each names the record (seq) and file it is about. */
  problems: { code: EvidenceProblemCode; seq?: number; fileId?: string; message: string }[];
}

/** A verification still recomputing large files' hashes (in steps, as evidence is hashed): ask again for the result. */
export interface EvidenceVerificationPending {
  verifying: true;
  caseId: string;
  /** 校验中. */
  statusLabel: string;
  /** 0–100, by bytes hashed. */
  progress: number;
  startedAt: string;
}

export interface ArchiveLink extends ArchiveSummary {
  downloadUrl: string;
}

/** A decided case pushed to its sector regulator (R15). */
export interface RegulatorInboxEntry {
  caseId: string;
  number: string;
  matterName: string;
  companyName: string;
  outcome: DecisionOutcome;
  outcomeLabel: string;
  decidedAt: string;
  pushedAt: string;
  /** The subscription messages to the sector's regulators, by delivery status. */
  delivery: { recipients: number; sent: number; pending: number; inboxOnly: number; failed: number };
}

export interface SessionCodeConfirmation {
  confirmed: boolean;
  message: string;
}

/** One link handed out for a case file (R13): who opened it, as what, when, which file. */
export interface FileAccessView {
  at: string;
  who: string;
  /** 申请人, 经办人, 政策法规科 … */
  roleLabel: string;
  fileName: string;
  /** 申请材料, 踏勘证据, 录像, 监督回访材料, 踏勘归档 */
  kindLabel: string;
}
