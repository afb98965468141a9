// The statutory days off of 《全国年节及纪念日放假办法》 (2024 revision) for a year whose State Council notice has
// not been entered: 元旦 1, 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. Lunar and solar-term
// dates come from a table generated with tyme4ts (catalogue/lunar-festivals.ts; past its last year the fallback
// refuses rather than guess). A day that falls on a weekend, or on another festival's day, is made up on the next
// weekday (the 办法's 补假 rule). The State Council's notice usually moves days around with 调休 as well, which no
// rule predicts: everything computed on such a year is provisional.

import { LUNAR_FESTIVAL_YEARS, LUNAR_FESTIVALS } from '../catalogue/lunar-festivals';
import { type Festival, type HolidayYear, daysFrom, weekdayOf } from './holiday-year';

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The 2024 revision of the 办法 (除夕 and a second 劳动节 day) took effect on 1 January 2025: no earlier year follows it. */
export const STATUTORY_RULE_FROM = 2025;

/** Whether the statutory days can stand in for a year's missing notice. */
export const hasStatutoryYear = (year: number): boolean => year >= STATUTORY_RULE_FROM && Boolean(LUNAR_FESTIVALS[year]);

export function statutoryHolidayYear(year: number): HolidayYear {
  const lunar = LUNAR_FESTIVALS[year];
  if (year < STATUTORY_RULE_FROM) throw new Error(`${year} precedes the 2024 revision of the statutory days: enter the year's notice`);
  if (!lunar) {
    throw new Error(`no lunar festival dates for ${year} (known ${LUNAR_FESTIVAL_YEARS.first}–${LUNAR_FESTIVAL_YEARS.last}): enter the year's notice or regenerate catalogue/lunar-festivals.ts`);
  }
  const { springFestival, qingming, duanwu, midAutumn } = lunar;
  const plan: [string, string[]][] = [
    ['元旦', [ymd(year, 1, 1)]],
    ['春节', daysFrom(addDays(springFestival, -1), addDays(springFestival, 2))],
    ['清明节', [qingming]],
    ['劳动节', [ymd(year, 5, 1), ymd(year, 5, 2)]],
    ['端午节', [duanwu]],
    ['中秋节', [midAutumn]],
    ['国庆节', [ymd(year, 10, 1), ymd(year, 10, 2), ymd(year, 10, 3)]],
  ];
  const taken = new Set<string>();
  const festivals: Festival[] = [];
  for (const [name, days] of plan) {
    const own = days.filter((d) => !taken.has(d));
    let owed = days.filter((d) => taken.has(d) || weekdayOf(d) === 0 || weekdayOf(d) === 6).length;
    own.forEach((d) => taken.add(d));
    const made: string[] = [];
    for (let d = days[days.length - 1]!; owed > 0; ) {
      d = addDays(d, 1);
      if (weekdayOf(d) !== 0 && weekdayOf(d) !== 6 && !taken.has(d)) { made.push(d); taken.add(d); owed--; }
    }
    const all = [...own, ...made].sort();
    festivals.push({ name: made.length ? `${name}（含补假）` : name, from: all[0]!, to: all[all.length - 1]!, workdays: [] });
  }
  // A festival's span from its first to its last day may enclose a weekend; that changes nothing (weekends are off).
  return { year, festivals, provisional: true, source: '《全国年节及纪念日放假办法》法定假日（未录入国务院通知，暂按法定天数计算）' };
}
