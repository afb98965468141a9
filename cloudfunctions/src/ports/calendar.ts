import type { HolidayYear } from '../domain/holiday-year';
import type { HolidayCalendar } from '../domain/working-days';

/**
 * The one working-day calendar every computation that counts days reads (deadlines, slots, follow-ups,
 * reminders, statistics). Each year is the notice an admin entered, the years known when the code shipped, or,
 * for a year with neither, the statutory days (provisional).
 */
export interface Calendar {
  /** One year as it stands, with where its days come from. */
  year(year: number): Promise<HolidayYear>;
  /** The working calendar of the China years first..last inclusive; it refuses a day outside them. */
  years(first: number, last: number): Promise<HolidayCalendar>;
}

/** The years any count starting at `date` may reach: its own and the next (no deadline runs longer than a year). */
export function yearsAround(calendar: Calendar, date: Date): Promise<HolidayCalendar> {
  const year = Number(new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 4)); // China's year: UTC+8, no DST
  return calendar.years(year - 1, year + 1);
}
