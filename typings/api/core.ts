import type {
  CaseState, CaseSummary, CaseView, ChecklistItem, FileAccessView, GrantedRole, InspectionMode, MatterSummary,
  MatterView, Page, Premises, UserView, WhoAmI,
} from '../models';
import type { RegistrationInput, RegistrationReceipt } from './claims';

export interface PageQuery {
  offset?: number;
  limit?: number;
}

export interface CaseRef {
  caseId: string;
  /** The version the caller saw; a stale version fails with CONFLICT instead of overwriting. */
  version: number;
}

export interface ApplicationInput {
  matterCode: string;
  mode: InspectionMode;
  company: { name: string; creditCode: string };
  applicantName: string;
  applicantPhone: string;
  premises: Premises;
}

/** Request and response of every core action: identity, users, matters, intake and acceptance. */
export interface CoreActions {
  whoami: { req: Record<string, never>; res: WhoAmI };

  /** Admin: people by name, optionally only those with a role ('none': no granted role). */
  listUsers: { req: PageQuery & { search?: string; role?: GrantedRole | 'none' }; res: Page<UserView> };
  /** Admin: sets a person's roles, with the reason (kept in the history); the last admin cannot drop their own. */
  grantRoles: {
    req: { openid: string; name: string; roles: GrantedRole[]; sectionCode?: string; sectorCode?: string; reason: string };
    res: UserView;
  };
  updateProfile: { req: { name: string; phone?: string }; res: UserView };

  listMatters: { req: { remoteOnly?: boolean }; res: MatterSummary[] };
  getMatter: { req: { code: string }; res: MatterView };
  saveMatter: {
    req: {
      code: string; name: string; sectionCode: string; sectionName: string; sectorCode: string;
      regulatorName: string; legalBasis: string[]; remoteAllowed: boolean; preparation: string[];
    };
    res: MatterView;
  };
  /** Admin: publishes a new checklist version with a note saying what changed; accepted cases keep theirs. */
  publishChecklist: { req: { code: string; items: ChecklistItem[]; note: string }; res: MatterView };
  /** Admin: installs the pilot matters of R2 with their first checklists; matters already present are left alone. */
  installPilotMatters: { req: Record<string, never>; res: { installed: string[] } };

  /** Applicant: create and submit in one step (the draft lives on the phone). */
  applyForInspection: { req: ApplicationInput & { materialFileIds: string[] }; res: CaseView };
  /** Staff: register a case that came by counter or e-mail; the applicant claims it later with the receipt's code. */
  registerCase: { req: RegistrationInput; res: RegistrationReceipt };
  /** Applicant: ask for a place to upload a material file before applying. */
  requestUpload: { req: { fileName: string; size: number; purpose: 'material' | 'evidence' | 'proof' | 'signature' | 'groupQr' | 'formTemplate' }; res: { cloudPath: string } };
  /** `materialFileIds` are the files to add; those already on the case stay. */
  resubmitCase: { req: CaseRef & { materialFileIds: string[]; note?: string }; res: CaseView };
  withdrawCase: { req: CaseRef & { reason: string }; res: CaseView };

  acceptCase: { req: CaseRef; res: CaseView };
  returnCase: { req: CaseRef & { missing: string }; res: CaseView };
  refuseCase: { req: CaseRef & { reason: string }; res: CaseView };
  reassignCase: { req: CaseRef & { toOpenid: string; reason: string }; res: CaseView };
  switchToOnsite: { req: CaseRef & { reason: string }; res: CaseView };

  getCase: { req: { caseId: string }; res: CaseView };
  /** A temporary link to a file of a case the caller may read (materials, and whatever other areas attach). */
  getFileUrl: { req: { caseId: string; fileId: string }; res: { url: string } };
  /** Who opened the case's files: the applicant sees their materials and recordings, the office every file (R13). */
  listFileAccess: { req: { caseId: string }; res: FileAccessView[] };
  listMyCases: { req: PageQuery; res: Page<CaseSummary> };
  listHandlerCases: { req: PageQuery & { state?: CaseState }; res: Page<CaseSummary> };
  listSectionSubmissions: { req: PageQuery; res: Page<CaseSummary> };
  listSectionStaff: { req: { sectionCode?: string }; res: UserView[] };
}
