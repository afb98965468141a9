// Running the office from the phone (package-admin): the working-day calendar, settings, people and the section
// head's workbench.

import type { CaseState, GrantedRole, Page, SubscribeTemplateKey, UserView } from '../models';
import type { PageQuery } from './core';

/** One festival as the State Council's notice words it. */
export interface FestivalDays {
  name: string;
  /** First and last day off, inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** Weekend days worked in exchange 调休上班, 'YYYY-MM-DD'. */
  workdays: string[];
}

export interface CalendarYearView {
  year: number;
  festivals: FestivalDays[];
  /** Where the days come from: the notice's title, or the statutory rule. */
  source: string;
  /** No notice entered or shipped for this year: the statutory days are used and every date counted on it is provisional. */
  provisional: boolean;
  /** Entered by an admin (else: shipped with the code, or the statutory days). */
  entered: boolean;
  /** For compare-and-set; 0 when not yet entered. */
  version: number;
  updatedAt?: string;
  updatedByName?: string;
  /** Days off and 调休上班 days in total, to check against the notice. */
  holidayCount: number;
  workdayCount: number;
  /** From 1 November: next year's notice is still to be entered. */
  reminder?: string;
}

/** A deadline already issued that the year as entered would move; it is never moved without a decision. */
/** An issued deadline (rectification, follow-up visit, order to correct) and its date under the new notice. */
export interface MovedDeadline {
  kind: 'rectification' | 'followUp' | 'correction';
  caseId: string;
  caseNumber: string;
  issued: string;
  wouldBe: string;
}

/** A booked inspection whose day the new notice makes a holiday: `issued` is the booked start; it must be rescheduled. */
export interface MovedBooking {
  kind: 'booking';
  caseId: string;
  caseNumber: string;
  issued: string;
}

export interface CalendarYearSave {
  saved: boolean;
  /** Issued deadlines whose date differs under the year as entered: shown before the admin confirms. */
  moved: (MovedDeadline | MovedBooking)[];
  year: CalendarYearView;
}

/** One approving section and its WeChat group QR code as the inspection groups show it. */
export interface SectionGroupQr {
  sectionCode: string;
  sectionName: string;
  published: boolean;
  /** A temporary link to the published image. */
  qrUrl?: string;
  updatedAt?: string;
}

/** One change of a person's roles, with who made it and why. */
export interface RoleChangeView {
  at: string;
  byName: string;
  before: GrantedRole[];
  after: GrantedRole[];
  sectionCode?: string;
  sectorCode?: string;
  reason: string;
}

/** A one-time link that makes the WeChat user who opens it an officer with the roles the admin chose. */
export interface BindingInviteView {
  /** Shown once: only its hash is stored. */
  token: string;
  /** The Mini Program page the invited person opens (in a share card, or as a QR code's path). */
  path: string;
  expiresAt: string;
}

/** One open case of the section as the section head's list shows it. */
export interface SectionCaseRow {
  id: string;
  version: number;
  number: string;
  matterName: string;
  companyName: string;
  state: CaseState;
  stateLabel: string;
  handlerId?: string;
  handlerName?: string;
  submittedAt: string;
  /** Why it needs attention now: a rectification past its deadline, an inspection slot gone by. */
  overdue?: string;
}

/** The section's open cases: how many in each state, and each officer's load. */
export interface SectionWorkbench {
  sectionCode: string;
  states: { state: CaseState; label: string; count: number }[];
  officers: { openid: string; name: string; open: number; overdue: number }[];
  /** Submitted and not yet taken by an officer. */
  unassigned: number;
  overdue: number;
}

/** One applicant's rating and suggestions (R19), with the case it was given on. */
export interface RatingRow {
  caseId: string;
  number: string;
  matterCode: string;
  matterName: string;
  /** The China month the case was decided: ratings are counted there, as in the statistics. */
  month: string;
  score: number;
  suggestions?: string;
  ratedAt: string;
  handlerName?: string;
}

export interface AdminActions {
  /**
   * Staff (their section's), supervisors and admins (all): ratings and suggestions of cases decided in the months,
   * newest first, optionally of one matter or only those with suggestions.
   */
  listRatings: {
    req: PageQuery & { from: string; to: string; matterCode?: string; withSuggestionsOnly?: boolean };
    res: Page<RatingRow> & { mean: number | null };
  };
  /** Section head (their own section) or admin (the section named): the section's open cases by state and officer. */
  getSectionWorkbench: { req: { sectionCode?: string }; res: SectionWorkbench };
  /** Section head or admin: the section's open cases, filtered by state, officer or overdue, oldest first. */
  listSectionCases: {
    req: PageQuery & { sectionCode?: string; state?: CaseState; handlerId?: string; overdueOnly?: boolean };
    res: Page<SectionCaseRow>;
  };
  /** Admin: an officer's one-time binding link, valid 72 hours (openids cannot be typed). */
  createBindingInvite: {
    req: { name: string; roles: GrantedRole[]; sectionCode?: string; sectorCode?: string; reason: string };
    res: BindingInviteView;
  };
  /** Anyone: opens a binding link in WeChat and becomes the officer it names; the link is spent. */
  claimBindingInvite: { req: { token: string }; res: UserView };
  /** Admin: the changes of one person's roles, newest first. */
  listRoleChanges: { req: PageQuery & { openid: string }; res: Page<RoleChangeView> };
  /** Admin: every section of the catalogue with its group QR code, to publish or take down (setSectionGroupQr). */
  listSectionGroupQrs: { req: Record<string, never>; res: SectionGroupQr[] };
  /** Admin: one year of the working-day calendar, as a notice reads. */
  getCalendarYear: { req: { year: number }; res: CalendarYearView };
  /**
   * Admin: enter a year's holidays and 调休 from the State Council's notice. Without `confirm` nothing is saved and
   * the answer lists the issued deadlines the year would move; issued deadlines keep their date either way.
   */
  saveCalendarYear: { req: { year: number; version: number; source: string; festivals: FestivalDays[]; confirm: boolean }; res: CalendarYearSave };
  /** Admin: a failed subscription message is sent again by the next delivery run (its attempts start over). */
  retryDelivery: { req: { id: string }; res: { id: string; status: 'pending' } };
  /** Admin: a failed subscription message is closed with a note; the recipient's inbox keeps it. */
  dismissDelivery: { req: { id: string; note: string }; res: { id: string; status: 'dismissed' } };
  /** Admin: a draft form rendered as the PDF an applicant would sign, with sample facts; nothing is published. */
  previewFormTemplate: { req: { kind: 'consent' | 'commitment'; title: string; paragraphs?: string[]; textFileId?: string }; res: { url: string; /** Characters the PDF font lacks, printed as □: to rewrite before publishing. */ unsupportedCharacters: string[] } };
  /** Admin: the office's settings in force (the environment's values until first saved). */
  getSettings: { req: Record<string, never>; res: SettingsView };
  /** Admin: saves the settings; in force for the next request, no redeploy. */
  saveSettings: { req: OfficeSettings & { version: number }; res: SettingsView };
}

/** The office's settings as the admin edits them on 系统设置; the Tencent Meeting secret is never shown. */
export interface OfficeSettings {
  officeName: string;
  district: string;
  /** The remote-inspection trial (R20): first day 'YYYY-MM-DD' and length in months. */
  trialStart: string;
  trialMonths: number;
  /** The monthly draw's share (R7) in whole basis points: 1000 is 10%, the minimum. */
  drawShareBasisPoints: number;
  /** The most inspections one officer takes on one day (R11). */
  dailyMaximum: number;
  /** Distance from the declared premises beyond which the location check flags an inspection. */
  premisesThresholdMeters: number;
  /** Subscription-message template ids by template key; a key left out is inbox-only. */
  subscribeTemplateIds: Partial<Record<SubscribeTemplateKey, string>>;
}

export interface SettingsView extends OfficeSettings {
  /** 0 while the environment's values are in force and nothing was saved. */
  version: number;
  updatedAt?: string;
  updatedByName?: string;
  /** Whether the four Tencent Meeting credentials are set in the environment (the secret itself never leaves it). */
  tencentMeetingConfigured: boolean;
  /** Every subscription template the office may configure, with its title. */
  templates: { key: SubscribeTemplateKey; title: string }[];
}
