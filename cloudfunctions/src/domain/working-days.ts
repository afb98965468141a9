// Deadlines in working days 工作日 (R14 rectification), on China's calendar whatever the server's zone.
// A working day is Monday to Friday unless the State Council made it a holiday, plus a weekend day it made an
// adjusted working day 调休上班. The calendar is data the admin enters per year (the Calendar port); a calendar that
// says which years it covers refuses a day outside them rather than count it as a plain weekday.
//
// Convention, as for 期间 in administrative procedure: the day of `from` itself never counts, whatever its hour or
// kind; day 1 is the first working day after it, and a deadline ends at 23:59:59.999 China time of its last day.

import { chinaDateOf, chinaTime } from './china-time';

export interface HolidayCalendar {
  /** 'YYYY-MM-DD' days off, weekdays included (a listed weekend day changes nothing). */
  holidays: string[];
  /** 'YYYY-MM-DD' weekend days that are working days 调休上班. */
  adjustedWorkdays: string[];
  /** The China years this calendar knows, inclusive; absent: any year (a hand-made calendar in a test). */
  years?: { first: number; last: number };
  /** Years counted on the statutory days because no State Council notice was entered: dates in them are provisional. */
  provisionalYears?: number[];
}

/** Thrown for a day outside the years a calendar covers: the caller loaded too few years. */
export class CalendarRangeError extends RangeError {}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the China date of `date` (a Date, or a 'YYYY-MM-DD' China date) is a working day. */
export function isWorkingDay(date: Date | string, cal: HolidayCalendar): boolean {
  return workingDayTest(cal)(chinaDay(date));
}

/** End (23:59:59.999 China time) of the n-th working day after the China date of `from`; n ≥ 1. */
export function addWorkingDays(from: Date, n: number, cal: HolidayCalendar): Date {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer: ${n}`);
  const isWorking = workingDayTest(cal);
  let day = chinaDay(from);
  for (let counted = 0; counted < n; ) {
    day = nextDay(day);
    if (isWorking(day)) counted++;
  }
  return new Date(chinaTime(`${nextDay(day)} 00:00`).getTime() - 1);
}

/**
 * Working days after the China date of `a` up to and including that of `b`, so that
 * workingDaysBetween(a, addWorkingDays(a, n)) === n; negative when b's date is before a's (e.g. days overdue).
 */
export function workingDaysBetween(a: Date, b: Date, cal: HolidayCalendar): number {
  const isWorking = workingDayTest(cal);
  const start = chinaDay(a);
  const end = chinaDay(b);
  if (end < start) return 0 - workingDaysBetween(b, a, cal); // not -x, which would give -0 for no days
  let count = 0;
  for (let day = start; day < end; ) {
    day = nextDay(day);
    if (isWorking(day)) count++;
  }
  return count;
}

/** Whether any China date from `a` to `b` (either order) falls in a year counted provisionally. */
export function isProvisionalBetween(a: Date | string, b: Date | string, cal: HolidayCalendar): boolean {
  if (!cal.provisionalYears?.length) return false;
  const [x, y] = [Number(chinaDay(a).slice(0, 4)), Number(chinaDay(b).slice(0, 4))];
  return cal.provisionalYears.some((year) => year >= Math.min(x, y) && year <= Math.max(x, y));
}

/** A deadline n working days after `from`, and whether a year it runs through was counted provisionally. */
export function deadlineAfter(from: Date, n: number, cal: HolidayCalendar): { deadline: Date; provisional: boolean } {
  const deadline = addWorkingDays(from, n, cal);
  return { deadline, provisional: isProvisionalBetween(from, deadline, cal) };
}

function workingDayTest(cal: HolidayCalendar): (day: string) => boolean {
  const holidays = new Set(cal.holidays);
  const adjusted = new Set(cal.adjustedWorkdays);
  return (day) => {
    if (cal.years) {
      const year = Number(day.slice(0, 4));
      if (year < cal.years.first || year > cal.years.last) throw new CalendarRangeError(`calendar covers ${cal.years.first}–${cal.years.last}, not ${day}`);
    }
    // A holiday wins over a clashing adjusted workday: a misconfigured calendar then errs towards a later deadline.
    if (holidays.has(day)) return false;
    if (adjusted.has(day)) return true;
    const weekday = new Date(utcMidnight(day)).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

function chinaDay(date: Date | string): string {
  if (typeof date === 'string') {
    // The round trip refuses dates like 2026-02-30, which parsing would quietly roll over to March.
    const t = utcMidnight(date);
    if (!DATE_PATTERN.test(date) || Number.isNaN(t) || dayAt(t) !== date) {
      throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    }
    return date;
  }
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  return chinaDateOf(date);
}

// Once instants are China dates, stepping and weekdays are plain calendar arithmetic: done on UTC midnights,
// where no zone or daylight saving can shift a day.
const utcMidnight = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const dayAt = (utcMs: number): string => new Date(utcMs).toISOString().slice(0, 10);
const nextDay = (day: string): string => dayAt(utcMidnight(day) + DAY_MS);
