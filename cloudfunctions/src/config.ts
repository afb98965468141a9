// Deployment settings, read once at the function's entry from environment variables, so another district
// can deploy the same code. Nothing here is a secret kept in the repository.

import type { TencentMeetingConfig } from './adapters/tencent-meeting/tencent-meeting-rest';
import { localTemplates, parseSubscribeTemplates, type SubscribeTemplates } from './catalogue/message-catalogue';
import { type OfficeHours, parseOfficeHours } from './domain/inspection-slots';
import type { HolidayCalendar } from './domain/working-days';

export interface SchedulingConfig {
  /** Windows of China wall-clock time in which inspections may be booked, on working days. */
  officeHours: OfficeHours[];
  /** Length of one inspection slot. */
  slotMinutes: number;
  /** The most inspections one officer takes on one day (R11). */
  dailyMaximum: number;
}

export interface SupervisionConfig {
  /** Share of last month's remote cases drawn for follow-up visits (R7), in whole basis points: 1000 (10%) at least. */
  drawShareBasisPoints: number;
  /** Working days a follow-up visit is due after the draw. */
  followUpWorkingDays: number;
  /** The remote-inspection trial (R20): its first day 'YYYY-MM-DD' in China, and its length in months. */
  trialStart: string;
  trialMonths: number;
}

export interface InspectionConfig {
  /** Distance from the declared premises beyond which the location check flags an inspection (R8). */
  premisesThresholdMeters: number;
  /** Working days an applicant is given to rectify (R14). */
  rectificationWorkingDays: number;
}

export interface AppConfig {
  officeName: string;
  district: string;
  /** Prefix of readable case numbers, e.g. DL-20260612-0007. */
  caseNumberPrefix: string;
  /** OPENIDs that are admins from the start (the first admin grants everyone else). */
  firstAdminOpenids: string[];
  /** True only in the local runtime: enables the dev identity header and demo data. */
  localMode: boolean;
  /**
   * The link prefix registered for 扫普通链接二维码打开小程序 (CLAIM_LINK_BASE, e.g. https://zwfw.example.gov.cn/rvi/claim):
   * a registration receipt's QR code is this link with the claim code, and WeChat opens the claim page with it.
   * Absent: receipts carry the code to type, and no QR code.
   */
  claimLinkBase?: string;
  scheduling: SchedulingConfig;
  supervision: SupervisionConfig;
  /** The office's Tencent Meeting enterprise application; absent: handlers paste meeting codes themselves. */
  tencentMeeting?: TencentMeetingConfig;
  notifications: NotificationsConfig;
  inspection: InspectionConfig;
  /**
   * Local days off and adjusted working days added to every year of the Calendar port (EXTRA_HOLIDAYS,
   * EXTRA_WORKDAYS); the State Council's notices are entered by an admin on the 工作日历 page.
   */
  calendarAdditions: Pick<HolidayCalendar, 'holidays' | 'adjustedWorkdays'>;
}

export interface NotificationsConfig {
  /** Subscription-message templates of this environment (SUBSCRIBE_TEMPLATES); a template missing means inbox only. */
  templates: SubscribeTemplates;
  /** Which version of the Mini Program a subscription message opens: formal (default), trial or developer. */
  miniprogramState: 'formal' | 'trial' | 'developer';
}

function notificationsFromEnv(env: NodeJS.ProcessEnv): NotificationsConfig {
  const state = env.MINIPROGRAM_STATE || 'formal';
  if (state !== 'formal' && state !== 'trial' && state !== 'developer') throw new Error(`MINIPROGRAM_STATE must be formal, trial or developer: ${state}`);
  const local = env.RVI_LOCAL === '1' && !env.SUBSCRIBE_TEMPLATES;
  return { templates: local ? localTemplates() : parseSubscribeTemplates(env.SUBSCRIBE_TEMPLATES), miniprogramState: state };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer: ${raw}`);
  return value;
}

/** A share in whole basis points (1 bp = 0.01%), never a fraction: 0.57 × 10000 is 5699.999… in floating point. */
function basisPointsOf(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !(value >= 1000 && value <= 10000)) throw new Error(`${name} must be whole basis points from 1000 (10%) to 10000: ${raw}`);
  return value;
}

function dateOf(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) throw new Error(`${name} must be YYYY-MM-DD: ${raw}`);
  return raw;
}

/** A comma-separated list of 'YYYY-MM-DD' dates, each checked as dateOf checks one. */
function datesOf(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((date) => dateOf({ [name]: date }, name, date));
}

/** Tencent Meeting is used only when the four credentials it cannot work without are all set. */
function tencentMeetingFromEnv(env: NodeJS.ProcessEnv): TencentMeetingConfig | undefined {
  const secretId = env.TENCENT_MEETING_SECRET_ID;
  const secretKey = env.TENCENT_MEETING_SECRET_KEY;
  const appId = env.TENCENT_MEETING_APP_ID;
  const userId = env.TENCENT_MEETING_USER_ID;
  if (!secretId || !secretKey || !appId || !userId) return undefined;
  return {
    secretId, secretKey, appId, userId,
    ...(env.TENCENT_MEETING_SDK_ID ? { sdkId: env.TENCENT_MEETING_SDK_ID } : {}),
    ...(env.TENCENT_MEETING_BASE_URL ? { baseUrl: env.TENCENT_MEETING_BASE_URL } : {}),
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv): AppConfig {
  const tencentMeeting = tencentMeetingFromEnv(env);
  return {
    officeName: env.OFFICE_NAME ?? '东丽区行政审批局',
    district: env.DISTRICT_NAME ?? '天津市东丽区',
    caseNumberPrefix: env.CASE_NUMBER_PREFIX ?? 'DL',
    firstAdminOpenids: (env.FIRST_ADMIN_OPENIDS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    localMode: env.RVI_LOCAL === '1',
    ...(env.CLAIM_LINK_BASE ? { claimLinkBase: env.CLAIM_LINK_BASE } : {}),
    scheduling: {
      officeHours: parseOfficeHours(env.OFFICE_HOURS || '09:00-12:00,13:30-17:00'),
      slotMinutes: positiveInteger(env, 'INSPECTION_SLOT_MINUTES', 60),
      dailyMaximum: positiveInteger(env, 'DAILY_INSPECTION_MAXIMUM', 6),
    },
    supervision: {
      drawShareBasisPoints: basisPointsOf(env, 'DRAW_SHARE_BASIS_POINTS', 1000),
      followUpWorkingDays: positiveInteger(env, 'FOLLOW_UP_WORKING_DAYS', 20),
      trialStart: dateOf(env, 'TRIAL_START', '2022-06-14'),
      trialMonths: positiveInteger(env, 'TRIAL_MONTHS', 12),
    },
    ...(tencentMeeting ? { tencentMeeting } : {}),
    notifications: notificationsFromEnv(env),
    inspection: {
      premisesThresholdMeters: positiveInteger(env, 'PREMISES_THRESHOLD_METERS', 500),
      rectificationWorkingDays: positiveInteger(env, 'RECTIFICATION_WORKING_DAYS', 10),
    },
    calendarAdditions: { holidays: datesOf(env, 'EXTRA_HOLIDAYS'), adjustedWorkdays: datesOf(env, 'EXTRA_WORKDAYS') },
  };
}
