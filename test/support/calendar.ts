import { seededHolidayYear } from '../../cloudfunctions/src/adapters/store-calendar';
import { calendarOfYears } from '../../cloudfunctions/src/domain/holiday-year';
import type { HolidayCalendar } from '../../cloudfunctions/src/domain/working-days';

/** The calendar a fresh deployment counts with: the seeded notices, and the statutory days for other years. */
export function seededCalendar(first = 2024, last = 2028): HolidayCalendar {
  const years = [];
  for (let y = first; y <= last; y++) years.push(seededHolidayYear(y));
  return calendarOfYears(years, { holidays: [], adjustedWorkdays: [] });
}

/** Only the years with a published notice (2025, 2026), as in the State Council's texts. */
export const NOTICE_CALENDAR: HolidayCalendar = seededCalendar(2025, 2026);
