// One year of China's holidays as the State Council's notice words it, one festival per line, and the working
// calendar many years make together. A year with no notice is counted on the statutory days of
// 《全国年节及纪念日放假办法》 (domain/statutory-holidays.ts) and is provisional.

import type { HolidayCalendar } from './working-days';

export interface Festival {
  name: string;
  /** First and last day off, inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** Weekend days worked in exchange 调休上班. */
  workdays: string[];
}

export interface HolidayYear {
  year: number;
  festivals: Festival[];
  /** True when computed from the statutory days because no notice was entered for the year. */
  provisional: boolean;
  /** Where the days come from: the notice's title and number, or the statutory rule. */
  source: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Plain calendar-date arithmetic on 'YYYY-MM-DD': UTC has no zone shifts, and no instant is involved.
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export const weekdayOf = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

const isRealDate = (day: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
  new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

/** What is wrong with a year as entered, in words an admin understands; null when it can be saved. */
export function holidayYearProblem(year: number, festivals: readonly Festival[]): string | null {
  const seen = new Map<string, string>();
  for (const f of festivals) {
    for (const day of [f.from, f.to, ...f.workdays]) {
      if (!isRealDate(day)) return `${f.name}：${day} 不是有效日期`;
    }
    // 元旦's days may start in the last days of the year before, never elsewhere.
    if (Number(f.to.slice(0, 4)) !== year || Number(f.from.slice(0, 4)) < year - 1) return `${f.name}：放假日期须在${year}年`;
    if (f.from > f.to) return `${f.name}：放假开始日期晚于结束日期`;
    if (daysFrom(f.from, f.to).length > 15) return `${f.name}：一次放假不超过15天`;
    for (const day of daysFrom(f.from, f.to)) {
      const other = seen.get(day);
      if (other) return `${day} 同时列在${other}和${f.name}`;
      seen.set(day, f.name);
    }
    for (const day of f.workdays) {
      const wd = weekdayOf(day);
      if (wd !== 0 && wd !== 6) return `${f.name}：调休上班日 ${day} 不是周末`;
    }
  }
  for (const f of festivals) {
    for (const day of f.workdays) if (seen.has(day)) return `${day} 既是放假日又是调休上班日`;
  }
  return null;
}

/** The working calendar of consecutive years, plus the deployment's own additions (EXTRA_HOLIDAYS …). */
export function calendarOfYears(years: readonly HolidayYear[], additions: Pick<HolidayCalendar, 'holidays' | 'adjustedWorkdays'>): HolidayCalendar {
  const numbers = years.map((y) => y.year);
  return {
    holidays: [...years.flatMap((y) => y.festivals.flatMap((f) => daysFrom(f.from, f.to))), ...additions.holidays],
    adjustedWorkdays: [...years.flatMap((y) => y.festivals.flatMap((f) => f.workdays)), ...additions.adjustedWorkdays],
    years: { first: Math.min(...numbers), last: Math.max(...numbers) },
    provisionalYears: years.filter((y) => y.provisional).map((y) => y.year),
  };
}
