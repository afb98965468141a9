import type {
  BlacklistEntryView, CaseView, DrawList, DrawPreview, DrawRunResult, DrawSummary, DrawVerification, DrawView, FindingKind,
  FindingSeverity, CreditFindingView, FollowUpStatus, FollowUpView, MyCreditView, Page, StatisticsExport, StatisticsReport,
  UpcomingInspection, UserView,
} from '../models';
import type { CaseRef, PageQuery } from './core';

/** A month 'YYYY-MM' in China time. */
export interface MonthRef {
  month: string;
}

/** An inclusive range of China months 'YYYY-MM'. */
export interface MonthRange {
  from: string;
  to: string;
}

/** What a supervisor found on a follow-up visit: the case as declared, or a finding with its severity. */
export type FollowUpOutcomeInput = { followUpId: string; version: number; note: string; evidenceFileIds: string[] } & (
  | { result: 'consistent' }
  | { result: 'finding'; findingKind: FindingKind; severity: FindingSeverity }
);

/** Request and response of the supervision actions. */
export interface SupervisionActions {
  /** Supervisor: the population, sample size and allocation of a closed month, without drawing or storing. */
  previewDraw: { req: MonthRef; res: DrawPreview };
  /** Supervisor: draws a closed month that was missed; a month already drawn returns its stored record. */
  runDraw: { req: MonthRef; res: DrawRunResult };
  /** Supervisor: the draw's record and one page of its drawn cases (default) or of its frozen population. */
  getDraw: { req: MonthRef & PageQuery & { list?: DrawList }; res: DrawView };
  /** Supervisor: recomputes the stored draw from its record, the current cases and the previous draw. */
  verifyDraw: { req: MonthRef; res: DrawVerification };
  listDraws: { req: PageQuery; res: Page<DrawSummary> };

  listFollowUps: { req: PageQuery & { status?: FollowUpStatus; month?: string }; res: Page<FollowUpView> };
  recordFollowUpOutcome: { req: FollowUpOutcomeInput; res: FollowUpView };

  /** Regulator of the case's sector: a later finding of fraud on a decided case (R15). */
  reportFinding: {
    req: { caseId: string; kind: FindingKind; severity: FindingSeverity; description: string; evidenceFileIds: string[] };
    res: CreditFindingView;
  };
  listFindings: { req: PageQuery & { status?: 'pending' | 'decided' }; res: Page<CreditFindingView> };
  /**
   * Supervisor: the decision on a finding. It always enters the credit file 诚信档案 of the company and the person;
   * optionally an order to correct within working days, revocation of the licence, and (serious or grave findings
   * only) the blacklist 失信黑名单 for a number of months.
   */
  decideCreditPenalty: {
    req: {
      findingId: string; version: number; reason: string;
      correctionWorkingDays?: number; revokeLicence?: boolean; blacklistMonths?: number;
    };
    res: CreditFindingView;
  };
  /**
   * Supervisor: on an order-to-correct deadline a newly entered holiday notice would move (CreditFindingView.pendingRecount),
   * adopt the new date (the finding, the credit file and the applicant follow) or keep the issued one.
   */
  settleRecountedCorrection: { req: { findingId: string; version: number; issued: string; adopt: boolean }; res: CreditFindingView };
  listBlacklist: { req: PageQuery & { activeOnly?: boolean }; res: Page<BlacklistEntryView> };
  /** Supervisor: credit repair 信用修复 lifts a listing, with the reason. */
  liftBlacklisting: { req: { entryId: string; version: number; reason: string }; res: BlacklistEntryView };
  /** Anyone: the credit-file entries and listings about themselves and the companies they applied for. */
  listMyCreditRecords: { req: Record<string, never>; res: MyCreditView };

  listUpcomingInspections: { req: PageQuery; res: Page<UpcomingInspection> };
  /** Supervisor: the supervisors 政策法规科人员 who may be sent as observer. */
  listSupervisors: { req: Record<string, never>; res: UserView[] };
  /** Supervisor: adds a supervisor as observer 观察员 of a case (R17). */
  assignObserver: { req: CaseRef & { observerOpenid: string }; res: CaseView };

  getStatistics: { req: MonthRange; res: StatisticsReport };
  /** Supervisor: the statistics as a CSV file (UTF-8 with BOM) for forwarding. */
  exportStatistics: { req: MonthRange; res: StatisticsExport };
}
