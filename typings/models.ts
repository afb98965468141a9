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
}

export interface MatterView extends MatterSummary {
  sectionCode: string;
  regulatorName: string;
  sectorCode: string;
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
}

export interface TimelineEntry {
  at: string;
  actorName: string;
  action: string;
  actionLabel: string;
  from?: CaseState;
  to?: CaseState;
  note?: string;
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
  applicantNameMasked: string;
}

export interface CaseView extends CaseSummary {
  version: number;
  matterCode: string;
  sectionCode: string;
  checklistVersion?: number;
  channel: IntakeChannel;
  applicantName: string;
  applicantPhoneMasked: string;
  company: Company;
  premises: Premises;
  materials: MaterialView[];
  returnNote?: string;
  refuseReason?: string;
  withdrawReason?: string;
  onsiteReason?: string;
  /** Label every group member shows: 事项名称-受理时间-申请人姓名 (R5). */
  groupLabel?: string;
  timeline: TimelineEntry[];
  /** The handler's OPENID, shown to the office's own staff only (the reassignment picker needs it). */
  handlerOpenid?: string;
  /** What the caller may do next on this case (the server still checks). */
  can: string[];
}

export interface UploadTicket {
  /** The cloud path to upload to: wx.cloud.uploadFile's cloudPath, or the `cloudPath` field posted to the local runtime's /upload. */
  cloudPath: string;
}
