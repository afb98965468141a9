import { overlaps, parseOfficeHours } from '../../../cloudfunctions/src/domain/inspection-slots';
import { formatField, kindOfKeyword } from '../../../cloudfunctions/src/domain/subscribe-fields';

// Edges of office hours, slot overlap and subscription field rules the mutation run found unpinned.

describe('office hours', () => {
  test('blank parts between commas are skipped; windows may touch', () => {
    expect(parseOfficeHours('09:00-12:00, ,13:30-17:00,')).toEqual([{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:00' }]);
    expect(parseOfficeHours('12:00-13:00,09:00-12:00')).toEqual([{ from: '09:00', to: '12:00' }, { from: '12:00', to: '13:00' }]);
  });

  test('an empty window, or windows that overlap by a minute, are refused', () => {
    expect(() => parseOfficeHours('09:00-09:00')).toThrow('office hours must look like 09:00-12:00,13:30-17:00: 09:00-09:00');
    expect(() => parseOfficeHours('09:00-12:01,12:00-13:00')).toThrow('office hours must be one or more separate windows: 09:00-12:01,12:00-13:00');
  });
});

test('slots that only touch do not overlap, in either order', () => {
  const morning = { start: '2026-06-15T01:00:00.000Z', end: '2026-06-15T02:00:00.000Z' };
  const next = { start: '2026-06-15T02:00:00.000Z', end: '2026-06-15T03:00:00.000Z' };
  expect(overlaps(morning, next)).toBe(false);
  expect(overlaps(next, morning)).toBe(false);
  expect(overlaps(next, { start: '2026-06-15T02:59:00.000Z', end: '2026-06-15T04:00:00.000Z' })).toBe(true);
});

describe('subscription fields', () => {
  test('a keyword is a known kind and a number, nothing before it', () => {
    expect(kindOfKeyword('thing2')).toBe('thing');
    expect(kindOfKeyword('Xthing2')).toBeNull();
    expect(kindOfKeyword('1thing2')).toBeNull();
  });

  test('a time is one time or a range of two', () => {
    expect(formatField('time', '09:00~10:00')).toEqual({ ok: true, value: '09:00~10:00' });
    expect(formatField('time', '09:00~10:00~11:00')).toEqual({ ok: false, reason: '时间格式应为“2019年10月1日 15:01”：09:00~10:00~11:00' });
    expect(formatField('time', '09:00~25:00').ok).toBe(false);
    expect(formatField('time', '25:00~09:00').ok).toBe(false);
  });

  test('a phrase is never an instant, and says so without inventing text', () => {
    expect(formatField('phrase', { instant: '2026-06-12T01:30:00.000Z' })).toEqual({ ok: false, reason: '须为5个以内汉字：' });
  });

  test('a number may have several decimals; its length counts digits only', () => {
    expect(formatField('number', '1.25')).toEqual({ ok: true, value: '1.25' });
    expect(formatField('number', `${'1'.repeat(31)}.5`).ok).toBe(true);
    expect(formatField('number', `${'1'.repeat(32)}.5`)).toEqual({ ok: false, reason: `须为32位以内数字：${'1'.repeat(32)}.5` });
  });

  test('an enum value is never an instant', () => {
    expect(formatField('enum', { instant: '2026-06-12T01:30:00.000Z' }, ['已受理', '已退回'])).toEqual({ ok: false, reason: '须为模板定义的取值之一（已受理、已退回），不能填时间' });
  });

  test('a car number is upper-case letters and digits after its first character', () => {
    expect(formatField('car_number', '津A12345').ok).toBe(true);
    // WeChat's rule is "8 characters at most", so one is a car number too.
    expect(formatField('car_number', 'A').ok).toBe(true);
    expect(formatField('car_number', '津a12345')).toEqual({ ok: false, reason: '车牌号格式不正确：津a12345' });
  });
});
