// The values of a WeChat subscription message obey a rule per field kind, and a value that breaks it makes the whole
// send fail with 47003. The kind is the keyword's name without its number (`thing2` is a thing). Free text is cut to
// fit, with an ellipsis; what cannot be cut without changing its meaning (numbers, codes, times) is refused here, so
// the message is recorded as failed with the reason instead of being sent to be rejected.
// Rules as published with subscribeMessage.send (PLATFORM.md "Field rules").

import { formatChina } from './china-time';

export const FIELD_KINDS = [
  'thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount', 'phone_number', 'car_number',
  'name', 'phrase', 'enum',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** What a field is filled from: text, or an instant (an ISO string) shown in China time. */
export type FieldSource = string | { instant: string };

export type FieldResult = { ok: true; value: string } | { ok: false; reason: string };

const ELLIPSIS = '…';
const HAN = /\p{Script=Han}/u;
const ALL_HAN = /^\p{Script=Han}+$/u;
const LETTERS = /^[A-Za-z]+$/;
/** Printable ASCII other than letters, digits and the space. */
const SYMBOLS = /^[!-/:-@[-`{-~]+$/;
const CODE = /^[!-~]+$/;

/** The kind of a template keyword such as `character_string12`; null for a name WeChat does not use. */
export function kindOfKeyword(keyword: string): FieldKind | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(keyword);
  return match && (FIELD_KINDS as readonly string[]).includes(match[1]!) ? (match[1] as FieldKind) : null;
}

/** Characters as people count them: a character outside the BMP is one, not two UTF-16 units. */
const chars = (text: string): string[] => Array.from(text);

/** One line: control characters and runs of white space become one space. */
const oneLine = (text: string): string => text.replace(/[\p{Cc}\s]+/gu, ' ').trim();

const refuse = (reason: string): FieldResult => ({ ok: false, reason });
const ok = (value: string): FieldResult => ({ ok: true, value });

function cut(text: string, max: number, ellipsis: boolean): string {
  const all = chars(text);
  if (all.length <= max) return text;
  return ellipsis ? all.slice(0, max - 1).join('') + ELLIPSIS : all.slice(0, max).join('');
}

function instantOf(source: FieldSource): Date | null {
  if (typeof source === 'string') return null;
  const t = Date.parse(source.instant);
  return Number.isNaN(t) ? null : new Date(t);
}

/** '2026年6月12日 09:30' in China time. */
const chinaDateTime = (at: Date): string => formatChina(at, 'YYYY年M月D日 HH:mm');
const chinaDate = (at: Date): string => formatChina(at, 'YYYY年M月D日');

const TIME_TEXT = /^(\d{4}年\d{1,2}月\d{1,2}日 )?([01]\d|2[0-3]):[0-5]\d$/;
const DATE_TEXT = /^\d{4}年\d{1,2}月\d{1,2}日( ([01]\d|2[0-3]):[0-5]\d)?$/;

/** A range 'a~b' of two values that each obey `single`. */
function timeOrRange(text: string, single: RegExp): boolean {
  const parts = text.split('~');
  return parts.length <= 2 && parts.every((p) => single.test(p));
}

/**
 * Makes `source` obey the rule of `kind`: the value to send, or why it cannot be sent. An `enum` field takes only
 * one of the values its template defines (`allowed`, from the environment's template setting).
 */
export function formatField(kind: FieldKind, source: FieldSource, allowed: readonly string[] = []): FieldResult {
  const at = instantOf(source);
  if (typeof source !== 'string' && !at) return refuse(`不是有效的时间：${source.instant}`);
  const text = typeof source === 'string' ? oneLine(source) : '';
  if (typeof source === 'string' && !text) return refuse('内容为空');

  switch (kind) {
    case 'thing':
      return ok(at ? chinaDateTime(at) : cut(text, 20, true));
    case 'time':
      if (at) return ok(chinaDateTime(at));
      return timeOrRange(text, TIME_TEXT) ? ok(text) : refuse(`时间格式应为“2019年10月1日 15:01”：${text}`);
    case 'date':
      if (at) return ok(chinaDate(at));
      return timeOrRange(text, DATE_TEXT) ? ok(text) : refuse(`日期格式应为“2019年10月1日”：${text}`);
    case 'phrase':
      // Only Chinese characters, at most five: a status word such as 已受理.
      if (at || !ALL_HAN.test(text) || chars(text).length > 5) return refuse(`须为5个以内汉字：${text}`);
      return ok(text);
    case 'name':
      return at ? refuse('姓名不能是时间') : nameValue(text);
    case 'enum':
      if (!allowed.length) return refuse('模板未配置该枚举字段的取值');
      if (typeof source !== 'string') return refuse(`须为模板定义的取值之一（${allowed.join('、')}），不能填时间`);
      return allowed.includes(text) ? ok(text) : refuse(`须为模板定义的取值之一（${allowed.join('、')}）：${text}`);
    default:
      return at ? refuse(`${kind} 不能填时间`) : codeLike(kind, text);
  }
}

/** 10 Chinese characters, or 20 letters and symbols; a name mixing both counts as Chinese. Cut without an ellipsis,
 * which is a symbol and would break a Chinese name's rule. */
function nameValue(text: string): FieldResult {
  if (/\d/.test(text)) return refuse(`姓名不能含数字：${text}`);
  return ok(cut(text, HAN.test(text) ? 10 : 20, false));
}

/** Kinds whose value is a code or a quantity: shortening them would change what they say, so they are refused. */
function codeLike(kind: Exclude<FieldKind, 'thing' | 'time' | 'date' | 'phrase' | 'name' | 'enum'>, text: string): FieldResult {
  const fits = (pattern: RegExp, max: number) => pattern.test(text) && chars(text).length <= max;
  switch (kind) {
    case 'number':
      // Digits with an optional decimal part; no sign (WeChat refuses one with 47003).
      return /^\d+(\.\d+)?$/.test(text) && text.replace(/\D/g, '').length <= 32 ? ok(text) : refuse(`须为32位以内数字：${text}`);
    case 'letter':
      return fits(LETTERS, 32) ? ok(text) : refuse(`须为32位以内字母：${text}`);
    case 'symbol':
      return fits(SYMBOLS, 5) ? ok(text) : refuse(`须为5位以内符号：${text}`);
    case 'character_string':
      return fits(CODE, 32) ? ok(text) : refuse(`须为32位以内数字、字母或符号：${text}`);
    case 'amount':
      return /^[¥$€£]\d{1,10}(\.\d{1,2})?元?$/.test(text) ? ok(text) : refuse(`须为币种符号加10位以内数字：${text}`);
    case 'phone_number':
      return fits(/^[\d+\-()]+$/, 17) ? ok(text) : refuse(`须为17位以内数字或符号：${text}`);
    case 'car_number':
      return /^[\p{Script=Han}A-Z0-9][A-Z0-9]{0,6}[\p{Script=Han}A-Z0-9]?$/u.test(text) && chars(text).length <= 8
        ? ok(text)
        : refuse(`车牌号格式不正确：${text}`);
  }
}
