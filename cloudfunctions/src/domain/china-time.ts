import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

// Business dates and months are China's, whatever the server's zone: cloud functions do not run in UTC+8.
dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_ZONE = 'Asia/Shanghai';

export const inChina = (date: Date | string): dayjs.Dayjs => dayjs(date).tz(CHINA_ZONE);

/** 'YYYY-MM' of the instant, in China time. */
export const chinaMonthOf = (date: Date | string): string => inChina(date).format('YYYY-MM');

/** 'YYYY-MM-DD' of the instant, in China time. */
export const chinaDateOf = (date: Date | string): string => inChina(date).format('YYYY-MM-DD');

/** The month as a half-open range of instants [start, end). */
export function chinaMonthRange(month: string): { start: Date; end: Date } {
  const start = dayjs.tz(`${month}-01 00:00`, CHINA_ZONE);
  return { start: start.toDate(), end: start.add(1, 'month').toDate() };
}

export const previousMonth = (month: string): string =>
  dayjs.tz(`${month}-01 12:00`, CHINA_ZONE).subtract(1, 'month').format('YYYY-MM');

/** Formats an instant in China time, e.g. 'YYYY-MM-DD HH:mm'. */
export const formatChina = (date: Date | string, format: string): string => inChina(date).format(format);

/** The instant of a China wall-clock time 'YYYY-MM-DD HH:mm'. */
export const chinaTime = (wallClock: string): Date => dayjs.tz(wallClock, CHINA_ZONE).toDate();
