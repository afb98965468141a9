import { chinaDateAfter } from '../../utils/china-time';

// China months 'YYYY-MM': the statistics' range and the draw a supervisor opens.

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The China month `delta` months from the current one (-1: last month). */
export function chinaMonth(delta = 0, now = Date.now()): string {
  const [year, month] = chinaDateAfter(0, now).split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** '2026年5月'. */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** '5月', for a chart's narrow axis. */
export const shortMonthLabel = (month: string): string => `${Number(month.slice(5, 7))}月`;
