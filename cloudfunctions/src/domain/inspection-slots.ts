// Inspection slots (R11): when an officer may hold a remote inspection, and whether one more fits their day.
// Times are instants (ISO strings); office hours and days are China's, whatever the server's zone.

import type { TimeSlot } from '../../../typings/models';
import { chinaDateOf, chinaTime, formatChina } from './china-time';
import { type HolidayCalendar, isProvisionalBetween, isWorkingDay } from './working-days';

export type { TimeSlot };

/** A window of China wall-clock time, 'HH:mm' to 'HH:mm'. */
export interface OfficeHours {
  from: string;
  to: string;
}

/** One inspection on an officer's day. */
export interface Booking extends TimeSlot {
  caseId: string;
}

const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;

/** Reads '09:00-12:00,13:30-17:00'; refuses empty, reversed or overlapping windows (a deployment mistake). */
export function parseOfficeHours(text: string): OfficeHours[] {
  const windows = text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const m = WINDOW.exec(part);
    if (!m || part.slice(0, 5) >= part.slice(6)) throw new Error(`office hours must look like 09:00-12:00,13:30-17:00: ${text}`);
    return { from: part.slice(0, 5), to: part.slice(6) };
  });
  // 'HH:mm' text orders as the times do; localeCompare would build an ICU collator on every function's cold start.
  windows.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (!windows.length || windows.some((w, i) => i > 0 && w.from < windows[i - 1]!.to)) {
    throw new Error(`office hours must be one or more separate windows: ${text}`);
  }
  return windows;
}

export const slotStartingAt = (start: Date, minutes: number): TimeSlot => ({
  start: start.toISOString(),
  end: new Date(start.getTime() + minutes * MINUTE_MS).toISOString(),
});

export const sameStart = (a: TimeSlot, start: Date): boolean => Date.parse(a.start) === start.getTime();

export const overlaps = (a: TimeSlot, b: TimeSlot): boolean =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/** The China date a slot belongs to: the officer's day is counted by it. */
export const slotDay = (slot: TimeSlot): string => chinaDateOf(slot.start);

export const describeSlot = (slot: TimeSlot): string =>
  `${formatChina(slot.start, 'M月D日 HH:mm')}-${formatChina(slot.end, 'HH:mm')}`;

/** Why a slot cannot be offered, as a sentence for the officer; null when it is in the future, on a working day, inside office hours. */
export function slotRefusal(slot: TimeSlot, now: Date, hours: readonly OfficeHours[], calendar: HolidayCalendar): string | null {
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  if (start.getTime() <= now.getTime()) return `${describeSlot(slot)}已经过去，请选择以后的时间`;
  const day = chinaDateOf(start);
  if (!isWorkingDay(day, calendar)) return `${formatChina(start, 'M月D日')}不是工作日`;
  const inside = hours.some((w) => chinaTime(`${day} ${w.from}`) <= start && end <= chinaTime(`${day} ${w.to}`));
  if (!inside) return `${describeSlot(slot)}不在工作时间（${hours.map((w) => `${w.from}-${w.to}`).join('、')}）内`;
  return null;
}

/** The slot, marked provisional when its day's year is counted on the statutory days (no notice entered yet). */
export const markedSlot = (slot: TimeSlot, calendar: HolidayCalendar): TimeSlot => {
  const { provisional: _was, ...plain } = slot;
  return isProvisionalBetween(slotDay(slot), slotDay(slot), calendar) ? { ...plain, provisional: true } : plain;
};

/**
 * Whether the officer can take this slot for this case, given the day's bookings: not over another case's
 * inspection, and not beyond the daily maximum. The case's own booking (a retried booking) never stands in its way.
 */
export function bookingRefusal(day: readonly Booking[], slot: TimeSlot, caseId: string, dailyMaximum: number): 'overlap' | 'full' | null {
  const others = day.filter((b) => b.caseId !== caseId);
  if (others.some((b) => overlaps(b, slot))) return 'overlap';
  if (others.length >= dailyMaximum) return 'full';
  return null;
}
