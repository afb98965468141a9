// The Calendar port over the document store: one document per year in `calendarYears` (id = the year) as the
// admin entered it from the State Council's notice; without one, the years known when this code shipped
// (catalogue/holidays-cn.ts, the seed); without those, the statutory days, provisional.

import { CN_FESTIVALS, CN_NOTICES } from '../catalogue/holidays-cn';
import { type Festival, type HolidayYear, calendarOfYears } from '../domain/holiday-year';
import { AppError } from '../api/errors';
import { hasStatutoryYear, statutoryHolidayYear } from '../domain/statutory-holidays';
import type { HolidayCalendar } from '../domain/working-days';
import type { Calendar } from '../ports/calendar';
import type { Store } from '../ports/store';

/** A year as stored: entered by an admin from the notice. */
export interface CalendarYearRecord {
  updatedByName?: string;
  year: number;
  festivals: Festival[];
  source: string;
  updatedAt: string;
  updatedBy: string;
}

export function seededHolidayYear(year: number): HolidayYear {
  const known = CN_FESTIVALS[year];
  if (known) return { year, festivals: known, provisional: false, source: CN_NOTICES[year] ?? '国务院办公厅部分节假日安排的通知' };
  // Neither a notice nor the statutory rule: no day in that year can be counted, and the caller is told so.
  if (!hasStatutoryYear(year)) throw new AppError('VALIDATION', `${year}年的节假日安排尚未录入，无法按工作日计算；请管理员在「工作日历」中录入该年的国务院通知`);
  return statutoryHolidayYear(year);
}

export function storeCalendar(store: Store, additions: Pick<HolidayCalendar, 'holidays' | 'adjustedWorkdays'>): Calendar {
  const year = async (y: number): Promise<HolidayYear> => {
    const entered = await store.get<CalendarYearRecord>('calendarYears', String(y));
    return entered ? { year: y, festivals: entered.festivals, provisional: false, source: entered.source } : seededHolidayYear(y);
  };
  return {
    year,
    async years(first, last) {
      if (!(Number.isSafeInteger(first) && Number.isSafeInteger(last) && first <= last && last - first <= 20)) throw new RangeError(`calendar years ${first}–${last}`);
      const entered = await store.find<CalendarYearRecord>('calendarYears', { where: { year: { op: 'gte', value: first } }, orderBy: [['year', 'asc']], limit: 100 });
      const byYear = new Map(entered.filter((r) => r.year <= last).map((r) => [r.year, r]));
      const all: HolidayYear[] = [];
      for (let y = first; y <= last; y++) {
        const r = byYear.get(y);
        all.push(r ? { year: y, festivals: r.festivals, provisional: false, source: r.source } : seededHolidayYear(y));
      }
      return calendarOfYears(all, additions);
    },
  };
}
