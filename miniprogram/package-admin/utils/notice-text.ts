import type { FestivalDays } from '../../../typings/api';

// A year's festivals worded as the State Council's notice words them, so an admin can check them line by line:
// 春节：2月15日至23日放假，共9天。2月14日（周六）、2月28日（周六）上班。

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const parts = (day: string): [number, number, number] => day.split('-').map(Number) as [number, number, number];
const weekday = (day: string): string => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
const monthDay = (day: string): string => `${parts(day)[1]}月${parts(day)[2]}日`;
const dayCount = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export function noticeLine(f: FestivalDays): string {
  const [, fm] = parts(f.from);
  const [, tm, td] = parts(f.to);
  const span = f.from === f.to
    ? `${monthDay(f.from)}（${weekday(f.from)}）放假`
    : `${monthDay(f.from)}（${weekday(f.from)}）至${fm === tm ? `${td}日` : monthDay(f.to)}（${weekday(f.to)}）放假`;
  const work = f.workdays.length ? `${f.workdays.map((d) => `${monthDay(d)}（${weekday(d)}）`).join('、')}上班。` : '';
  return `${span}，共${dayCount(f.from, f.to)}天。${work}`;
}

/** '2027-02-20、2027-02-28' or with commas or spaces → the dates; what is not a date stays for the server to refuse. */
export const splitDates = (text: string): string[] => text.split(/[\s,，、;；]+/).map((s) => s.trim()).filter(Boolean);
