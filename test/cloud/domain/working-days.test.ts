import fc from 'fast-check';
import { CN_FESTIVALS } from '../../../cloudfunctions/src/catalogue/holidays-cn';
import { NOTICE_CALENDAR, seededCalendar } from '../../support/calendar';
import { chinaDateOf, chinaTime, formatChina, inChina } from '../../../cloudfunctions/src/domain/china-time';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../cloudfunctions/src/domain/working-days';

const cal = NOTICE_CALENDAR;
const wide = seededCalendar();
const deadlineText = (d: Date): string => formatChina(d, 'YYYY-MM-DD HH:mm:ss.SSS');

describe('working days on the official calendar', () => {
  it('treats holidays as days off and adjusted weekend days 调休 as working days', () => {
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-10-07', cal)).toBe(false);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // Saturday worked for 国庆
    expect(isWorkingDay('2026-09-20', cal)).toBe(true); // Sunday worked for 国庆
    expect(isWorkingDay('2026-10-11', cal)).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2026-09-25', cal)).toBe(false); // 中秋, a Friday
    expect(isWorkingDay('2026-09-29', cal)).toBe(true); // an ordinary Tuesday
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // Saturday worked for 春节
    expect(isWorkingDay('2025-10-08', cal)).toBe(false); // 2025: 国庆 and 中秋 together, 8 days
  });

  it('counts a deadline from the day after the decision and across 国庆 and its adjusted Saturday', () => {
    // Tue 29 Sep: Wed 30 Sep is day 1, 1–7 Oct off, Thu 8 day 2, Fri 9 day 3, Sat 10 (调休) day 4, Sun off, Mon 12 day 5.
    const deadline = addWorkingDays(chinaTime('2026-09-29 10:00'), 5, cal);
    expect(deadlineText(deadline)).toBe('2026-10-12 23:59:59.999');
    expect(deadline.toISOString()).toBe('2026-10-12T15:59:59.999Z');
    expect(deadlineText(addWorkingDays(chinaTime('2026-09-29 10:00'), 4, cal))).toBe('2026-10-10 23:59:59.999');
  });

  it('does not count the day of the decision itself, even a working day decided at midnight', () => {
    expect(deadlineText(addWorkingDays(chinaTime('2026-09-29 00:00'), 1, cal))).toBe('2026-09-30 23:59:59.999');
    expect(deadlineText(addWorkingDays(chinaTime('2026-09-29 23:59'), 1, cal))).toBe('2026-09-30 23:59:59.999');
  });

  it('uses the China date of a decision on a UTC server: 2026-09-30T17:00Z is already the 1st of October', () => {
    const decidedAt = new Date('2026-09-30T17:00:00Z');
    expect(chinaDateOf(decidedAt)).toBe('2026-10-01');
    expect(isWorkingDay(decidedAt, cal)).toBe(false); // the UTC date, 30 Sep, would be a working day
    // 29 Sep 17:00 UTC is 30 Sep in China, so 30 Sep does not count and day 1 is 8 Oct (a UTC date would give 30 Sep).
    expect(deadlineText(addWorkingDays(new Date('2026-09-29T17:00:00Z'), 1, cal))).toBe('2026-10-08 23:59:59.999');
    expect(deadlineText(addWorkingDays(new Date('2026-09-29T15:59:59.999Z'), 1, cal))).toBe('2026-09-30 23:59:59.999');
    // 19 Sep 16:30 UTC is Sunday 20 Sep in China, an adjusted working day; the UTC date is an ordinary Saturday.
    expect(isWorkingDay(new Date('2026-09-19T16:30:00Z'), cal)).toBe(true);
    expect(isWorkingDay(new Date('2026-09-19T15:30:00Z'), cal)).toBe(false);
  });

  it('crosses 春节 2026 with its two adjusted Saturdays', () => {
    // Fri 13 Feb: Sat 14 (调休) day 1, 15–23 off, Tue 24 … Fri 27 days 2–5, Sat 28 (调休) day 6, Mon 2 Mar day 7.
    const from = chinaTime('2026-02-13 16:00');
    expect(deadlineText(addWorkingDays(from, 6, cal))).toBe('2026-02-28 23:59:59.999');
    expect(deadlineText(addWorkingDays(from, 7, cal))).toBe('2026-03-02 23:59:59.999');
  });

  it('counts the working days between two instants, negative once a deadline has passed', () => {
    const decided = chinaTime('2026-09-29 10:00');
    const deadline = chinaTime('2026-10-12 18:00');
    expect(workingDaysBetween(decided, deadline, cal)).toBe(5);
    expect(workingDaysBetween(chinaTime('2026-10-01 09:00'), deadline, cal)).toBe(4);
    expect(workingDaysBetween(deadline, decided, cal)).toBe(-5);
    expect(workingDaysBetween(decided, chinaTime('2026-09-29 23:00'), cal)).toBe(0);
    expect(Object.is(workingDaysBetween(chinaTime('2026-10-03 09:00'), chinaTime('2026-10-02 09:00'), cal), 0)).toBe(true);
  });

  it('always lands on the end of a working day n working days later, in China time', () => {
    const instant = fc.date({ min: new Date('2024-12-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (from, n) => {
        const deadline = addWorkingDays(from, n, wide);
        return (
          isWorkingDay(deadline, wide) &&
          formatChina(deadline, 'HH:mm:ss.SSS') === '23:59:59.999' &&
          workingDaysBetween(from, deadline, wide) === n
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a count of days that is not a positive whole number and a date that does not exist', () => {
    expect(() => addWorkingDays(chinaTime('2026-09-29 10:00'), 0, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(chinaTime('2026-09-29 10:00'), 1.5, cal)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-02-30', cal)).toThrow(RangeError);
    expect(() => isWorkingDay('2026/10/01', cal)).toThrow(RangeError);
  });

  it('lets a holiday win when a misconfigured calendar lists a day as both', () => {
    expect(isWorkingDay('2026-10-10', { holidays: ['2026-10-10'], adjustedWorkdays: ['2026-10-10'] })).toBe(false);
  });
});

describe('the official holiday catalogue', () => {
  const festivalDays = (year: number) =>
    Object.fromEntries(CN_FESTIVALS[year]!.map((f) => [f.name, (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 + 1]));

  it('has the length of every 2026 festival as the State Council notice states it', () => {
    expect(festivalDays(2026)).toEqual({ 元旦: 3, 春节: 9, 清明节: 3, 劳动节: 5, 端午节: 3, 中秋节: 3, 国庆节: 7 });
  });

  it('has the length of every 2025 festival as the State Council notice states it', () => {
    expect(festivalDays(2025)).toEqual({ 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 3, '国庆节、中秋节': 8 });
  });

  it('lists only weekend days as adjusted working days, and never a day as both holiday and working day', () => {
    for (const day of cal.adjustedWorkdays) expect([0, 6]).toContain(inChina(chinaTime(`${day} 12:00`)).day());
    expect(cal.adjustedWorkdays.filter((d) => cal.holidays.includes(d))).toEqual([]);
    expect(new Set(cal.holidays).size).toBe(cal.holidays.length);
    expect(cal.holidays).toHaveLength(28 + 33);
    expect([...cal.adjustedWorkdays].sort()).toEqual([
      '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
  });
});
