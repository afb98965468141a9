import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

// Business dates and months are China's, whatever the server's zone: cloud functions do not run in UTC+8.
dayjs.extend(utc);

// Asia/Shanghai has kept UTC+8 all year since 1991 (no daylight saving), so a fixed offset gives the zone
// database's answers for every date this product handles. dayjs's time-zone plugin would ask Intl for the zone,
// and the first Intl time-zone formatter loads ICU's zone data: about 5 ms of each function's cold start (issue 14).
const CHINA_OFFSET_MS = 8 * 60 * 60_000;

/**
 * China's wall clock at the instant, as a dayjs in UTC mode: its fields, formats and calendar arithmetic are China's
 * (and do not depend on the server's zone), but it is not the instant itself: fromChinaWallClock turns it back.
 */
export const inChina = (date: Date | string): dayjs.Dayjs => dayjs.utc(dayjs(date).valueOf() + CHINA_OFFSET_MS);

/** The instant of a China wall-clock time given as a dayjs in UTC mode. */
const fromChinaWallClock = (wallClock: dayjs.Dayjs): Date => new Date(wallClock.valueOf() - CHINA_OFFSET_MS);

/** The same China wall-clock time `months` later (31 Jan + 1 month → end of February). */
export const addChinaMonths = (date: Date, months: number): Date => fromChinaWallClock(inChina(date).add(months, 'month'));

/** 'YYYY-MM' of the instant, in China time. */
export const chinaMonthOf = (date: Date | string): string => inChina(date).format('YYYY-MM');

/** 'YYYY-MM-DD' of the instant, in China time. */
export const chinaDateOf = (date: Date | string): string => inChina(date).format('YYYY-MM-DD');

/** The month as a half-open range of instants [start, end). */
export function chinaMonthRange(month: string): { start: Date; end: Date } {
  const start = dayjs.utc(`${month}-01 00:00`);
  return { start: fromChinaWallClock(start), end: fromChinaWallClock(start.add(1, 'month')) };
}

export const previousMonth = (month: string): string => dayjs.utc(`${month}-01 12:00`).subtract(1, 'month').format('YYYY-MM');

/** Formats an instant in China time, e.g. 'YYYY-MM-DD HH:mm'. */
export const formatChina = (date: Date | string, format: string): string => inChina(date).format(format);

/** The instant of a China wall-clock time 'YYYY-MM-DD HH:mm'. */
export const chinaTime = (wallClock: string): Date => fromChinaWallClock(dayjs.utc(wallClock));
