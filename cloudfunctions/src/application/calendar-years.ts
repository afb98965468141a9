import type { CalendarYearView, MovedBooking, MovedDeadline } from '../../../typings/api';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CalendarYearRecord } from '../adapters/store-calendar';
import type { CaseRecord } from '../domain/case';
import { chinaDateOf, chinaMonthOf } from '../domain/china-time';
import { type Festival, type HolidayYear, calendarOfYears, daysFrom } from '../domain/holiday-year';
import { type HolidayCalendar, addWorkingDays, isWorkingDay } from '../domain/working-days';
import { findAll } from './find-all';
import type { FindingRecord } from './findings';
import type { FollowUpRecord } from './follow-ups';

/**
 * A year as the calendar knows it, or null for a year with neither a notice nor the statutory rule (before 2025,
 * or past the lunar table): the admin may still enter it, and nothing is counted on it meanwhile.
 */
export async function knownYear(ctx: ActionContext, year: number): Promise<HolidayYear | null> {
  try {
    return await ctx.calendar.year(year);
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION') return null;
    throw e;
  }
}

export async function calendarYearView(ctx: ActionContext, year: number): Promise<CalendarYearView> {
  const [known, entered] = await Promise.all([knownYear(ctx, year), ctx.store.get<CalendarYearRecord>('calendarYears', String(year))]);
  const shown = known ?? { festivals: [], provisional: true, source: '尚未录入国务院通知，该年不能按工作日计算' };
  return {
    year, festivals: shown.festivals, source: shown.source, provisional: shown.provisional,
    entered: !!entered, version: entered?._version ?? 0,
    ...(entered ? { updatedAt: entered.updatedAt, ...(entered.updatedByName ? { updatedByName: entered.updatedByName } : {}) } : {}),
    holidayCount: new Set(shown.festivals.flatMap((f) => daysFrom(f.from, f.to))).size,
    workdayCount: new Set(shown.festivals.flatMap((f) => f.workdays)).size,
    ...(await reminderFor(ctx)),
  };
}

/** From 1 November (China time) until next year's notice is entered, admins are reminded of it. */
async function reminderFor(ctx: ActionContext): Promise<{ reminder?: string }> {
  const [year, month] = chinaMonthOf(ctx.now).split('-').map(Number) as [number, number];
  if (month < 11) return {};
  const next = await ctx.calendar.year(year + 1);
  return next.provisional ? { reminder: `${year + 1}年的节假日安排尚未录入：国务院办公厅通知发布后请及时录入，此前${year + 1}年的期限按法定假日暂算` } : {};
}

/** A moved deadline or booking as the admin's list shows it, and which follow-up visit (or finding) it belongs to. */
export type MovedDeadlineAt = (MovedDeadline | MovedBooking) & { followUpId?: string; findingId?: string };

/**
 * The issued deadlines that counting with `replacement` for its year would move: open rectifications, follow-up
 * visits and orders to correct not yet due whose count ran through that year; and booked inspections whose day it
 * makes a holiday. Issued dates are never changed here.
 */
export async function deadlinesMovedBy(ctx: ActionContext, replacement: HolidayYear): Promise<MovedDeadlineAt[]> {
  const { year } = replacement;
  // The years around it, as counted now and as they would be; a year the calendar cannot count is left out of both.
  const around = async (): Promise<HolidayCalendar[]> => {
    const now: HolidayYear[] = [];
    const then: HolidayYear[] = [];
    for (let y = year - 2; y <= year + 2; y++) {
      const known = await knownYear(ctx, y);
      if (known) now.push(known);
      if (y === year) then.push(replacement);
      else if (known) then.push(known);
    }
    return [calendarOfYears(now, ctx.config.calendarAdditions), calendarOfYears(then, ctx.config.calendarAdditions)];
  };
  const [current, next] = await around();
  const touches = (from: string, to: string) => Number(chinaDateOf(from).slice(0, 4)) <= year && Number(chinaDateOf(to).slice(0, 4)) >= year;
  // A follow-up or an order to correct keeps no count of its working days: it is the count the calendar in force
  // gave from `from` to `issued`, counted again on the new one; null when that leaves the date where it is.
  const recounted = (from: string, issued: string): string | null => {
    const days = workingDaysFrom(new Date(from), new Date(issued), current);
    const wouldBe = addWorkingDays(new Date(from), days, next).toISOString();
    return days > 0 && wouldBe !== issued ? wouldBe : null;
  };
  const moved: MovedDeadlineAt[] = [];
  const rectifying = await findAll<CaseRecord>(ctx.store, 'cases', { where: { state: 'rectifying' }, orderBy: [['scheduledAt', 'asc'], ['_id', 'asc']] });
  for (const c of rectifying) {
    const r = c.rectification;
    if (!r || !touches(r.setAt, r.deadline)) continue;
    const wouldBe = addWorkingDays(new Date(r.setAt), r.workingDays, next).toISOString();
    if (wouldBe !== r.deadline) moved.push({ kind: 'rectification', caseId: c._id, caseNumber: c.number, issued: r.deadline, wouldBe });
  }
  const followUps = await findAll<FollowUpRecord>(ctx.store, 'followUps', { where: { status: 'open' }, orderBy: [['dueAt', 'asc']] });
  for (const f of followUps) {
    const wouldBe = touches(f.createdAt, f.dueAt) ? recounted(f.createdAt, f.dueAt) : null;
    if (wouldBe) moved.push({ kind: 'followUp', caseId: f.caseId, caseNumber: f.caseNumber, issued: f.dueAt, wouldBe, followUpId: f._id });
  }
  const decided = await findAll<FindingRecord>(ctx.store, 'findings', { where: { status: 'decided' }, orderBy: [['reportedAt', 'desc'], ['_id', 'asc']] });
  for (const f of decided) {
    const d = f.decision;
    // An order whose deadline has passed is settled by what the company did, not by a later calendar.
    if (!d?.correctionDeadline || d.correctionDeadline < ctx.now.toISOString() || !touches(d.decidedAt, d.correctionDeadline)) continue;
    const wouldBe = recounted(d.decidedAt, d.correctionDeadline);
    if (wouldBe) moved.push({ kind: 'correction', caseId: f.caseId, caseNumber: f.caseNumber, issued: d.correctionDeadline, wouldBe, findingId: f._id });
  }
  const booked = await findAll<CaseRecord>(ctx.store, 'cases', { where: { state: 'scheduled' }, orderBy: [['scheduledAt', 'asc'], ['_id', 'asc']] });
  for (const c of booked) {
    const at = c.scheduledAt;
    if (at && at >= ctx.now.toISOString() && touches(at, at) && isWorkingDay(new Date(at), current) && !isWorkingDay(new Date(at), next)) {
      moved.push({ kind: 'booking', caseId: c._id, caseNumber: c.number, issued: at });
    }
  }
  return moved;
}

/** How many working days of `cal` run from `from` up to `to`. */
function workingDaysFrom(from: Date, to: Date, cal: HolidayCalendar): number {
  let n = 0;
  while (n < 400 && addWorkingDays(from, n + 1, cal).getTime() <= to.getTime()) n++;
  return n;
}

export const festivalsOf = (input: { name: string; from: string; to: string; workdays: string[] }[]): Festival[] =>
  input.map((f) => ({ name: f.name, from: f.from, to: f.to, workdays: [...new Set(f.workdays)].sort() }));
