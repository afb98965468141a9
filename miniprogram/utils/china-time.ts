// Times come from the server as ISO instants; they are shown in China time (UTC+8, no daylight saving)
// whatever zone the phone is set to: add eight hours and read the UTC fields.

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function chinaParts(iso: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_OFFSET_MS);
}

/** 'YYYY-MM-DD HH:mm' in China time; '' for a missing or unreadable value. */
export function formatChinaTime(iso: string | undefined): string {
  const d = iso ? chinaParts(iso) : null;
  if (!d) return '';
  return `${formatDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 'YYYY-MM-DD' in China time. */
export function formatChinaDate(iso: string | undefined): string {
  const d = iso ? chinaParts(iso) : null;
  return d ? formatDate(d) : '';
}

const formatDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
