// Times come from the server as ISO instants; they are shown in China time (UTC+8, no daylight saving)
// whatever zone the phone is set to: add eight hours and read the UTC fields.

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function chinaParts(iso: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_OFFSET_MS);
}

/** 'YYYY-MM-DD HH:mm' (':ss' with `seconds`) in China time; '' for a missing or unreadable value. */
export function formatChinaTime(iso: string | undefined, seconds = false): string {
  const d = iso ? chinaParts(iso) : null;
  if (!d) return '';
  return `${formatDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(d.getUTCSeconds())}` : ''}`;
}

/** 'YYYY-MM-DD' in China time. */
export function formatChinaDate(iso: string | undefined): string {
  const d = iso ? chinaParts(iso) : null;
  return d ? formatDate(d) : '';
}

const formatDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** An inspection slot as people say it: '6月12日（周五）09:30-10:30', China time. */
export function formatChinaSlot(start: string, end: string): string {
  const s = chinaParts(start);
  const e = chinaParts(end);
  if (!s || !e) return '';
  const hm = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日（周${WEEKDAYS[s.getUTCDay()]}）${hm(s)}-${hm(e)}`;
}

/** Beside a date counted on the statutory holidays of a year whose State Council notice is not yet entered. */
export const PROVISIONAL_DATE_NOTE = '该日期按法定假日暂算，国务院通知发布后可能调整';

/** A slot as people say it, with 暂算 when its day's year is counted provisionally. */
export const slotText = (s: { start: string; end: string; provisional?: boolean }): string =>
  `${formatChinaSlot(s.start, s.end)}${s.provisional ? '（暂算）' : ''}`;

/** Today's date in China, 'YYYY-MM-DD', a given number of days ahead. */
export function chinaDateAfter(days: number, now = Date.now()): string {
  return formatDate(new Date(now + CHINA_OFFSET_MS + days * 24 * 60 * 60 * 1000));
}
