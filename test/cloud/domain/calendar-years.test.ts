import { seededHolidayYear } from '../../../cloudfunctions/src/adapters/store-calendar';
import { chinaTime, formatChina } from '../../../cloudfunctions/src/domain/china-time';
import { calendarOfYears, holidayYearProblem } from '../../../cloudfunctions/src/domain/holiday-year';
import { statutoryHolidayYear } from '../../../cloudfunctions/src/domain/statutory-holidays';
import { CalendarRangeError, addWorkingDays, isProvisionalBetween, isWorkingDay } from '../../../cloudfunctions/src/domain/working-days';
import { seededCalendar } from '../../support/calendar';

const deadlineText = (d: Date): string => formatChina(d, 'YYYY-MM-DD');
const none = { holidays: [], adjustedWorkdays: [] };

describe('a year with no State Council notice: the statutory days, provisional', () => {
  it('computes 2027 from the lunar calendar: 春节 from 除夕 (5 Feb), 清明 5 Apr, 端午 9 Jun, 中秋 15 Sep', () => {
    const y = statutoryHolidayYear(2027);
    expect(y.provisional).toBe(true);
    const byName = Object.fromEntries(y.festivals.map((f) => [f.name.replace('（含补假）', ''), [f.from, f.to]]));
    expect(byName).toEqual({
      元旦: ['2027-01-01', '2027-01-01'],
      // 除夕 Fri 5 Feb to 初三 Mon 8 Feb; Sat 6 and Sun 7 are made up on Tue 9 and Wed 10.
      春节: ['2027-02-05', '2027-02-10'],
      清明节: ['2027-04-05', '2027-04-05'],
      // 1 May is a Saturday, 2 May a Sunday: made up on Mon 3 and Tue 4.
      劳动节: ['2027-05-01', '2027-05-04'],
      端午节: ['2027-06-09', '2027-06-09'],
      中秋节: ['2027-09-15', '2027-09-15'],
      国庆节: ['2027-10-01', '2027-10-05'],
    });
    expect(holidayYearProblem(2027, y.festivals)).toBeNull();
  });

  it('moves 2026-12-31 + 1 working day past 元旦 2027, and marks it provisional', () => {
    const cal = seededCalendar(2026, 2027);
    const from = chinaTime('2026-12-31 10:00');
    const deadline = addWorkingDays(from, 1, cal);
    expect(deadlineText(deadline)).toBe('2027-01-04'); // Fri 1 Jan is 元旦, then the weekend
    expect(isProvisionalBetween(from, deadline, cal)).toBe(true);
    expect(isWorkingDay('2027-01-01', cal)).toBe(false);
  });

  it('skips 元旦 and 春节 2027 on a 30-working-day deadline set in late December', () => {
    const cal = seededCalendar(2026, 2027);
    // From Mon 28 Dec 2026: 29–31 Dec (3), January 2027 without 1 Jan: 20 working days (23), then Feb 1–4 (27),
    // 5–10 Feb off, Thu 11 (28), Fri 12 (29), Mon 15 (30).
    const deadline = addWorkingDays(chinaTime('2026-12-28 09:00'), 30, cal);
    expect(deadlineText(deadline)).toBe('2027-02-15');
    expect(isProvisionalBetween(chinaTime('2026-12-28 09:00'), deadline, cal)).toBe(true);
    // The same count inside 2026 is not provisional.
    expect(isProvisionalBetween(chinaTime('2026-03-02 09:00'), chinaTime('2026-03-20 09:00'), cal)).toBe(false);
  });

  it('makes up a festival that falls on another: 中秋 2028 is 3 Oct, inside 国庆', () => {
    const days = statutoryHolidayYear(2028).festivals.find((f) => f.name.startsWith('国庆'))!;
    // 1 Oct 2028 is a Sunday and 3 Oct is 中秋 as well: two days made up, Wed 4 and Thu 5 Oct.
    expect([days.from, days.to]).toEqual(['2028-10-01', '2028-10-05']);
  });
});

describe('the seeded years and the entered ones', () => {
  it('keeps the notices of 2025 and 2026 as published, not provisional', () => {
    for (const year of [2025, 2026]) {
      const y = seededHolidayYear(year);
      expect(y.provisional).toBe(false);
      expect(y.source).toContain(`${year}年部分节假日安排的通知`);
      expect(holidayYearProblem(year, y.festivals)).toBeNull();
    }
  });

  it('refuses a day outside the years it was loaded for, rather than count it as a plain weekday', () => {
    const cal = calendarOfYears([seededHolidayYear(2026)], none);
    expect(() => addWorkingDays(chinaTime('2026-12-31 10:00'), 1, cal)).toThrow(CalendarRangeError);
  });

  it('refuses a year as entered when its days are not what a notice can say', () => {
    const f = (from: string, to: string, workdays: string[] = []) => [{ name: '春节', from, to, workdays }];
    expect(holidayYearProblem(2027, f('2027-02-05', '2027-02-11', ['2027-02-20']))).toBeNull(); // Sat 20 Feb
    expect(holidayYearProblem(2027, f('2027-02-05', '2027-02-11', ['2027-02-17']))).toContain('不是周末');
    expect(holidayYearProblem(2027, f('2027-02-11', '2027-02-05'))).toContain('晚于');
    expect(holidayYearProblem(2027, f('2028-02-05', '2028-02-06'))).toContain('须在2027年');
    expect(holidayYearProblem(2027, f('2027-02-30', '2027-03-01'))).toContain('不是有效日期');
    expect(holidayYearProblem(2027, [...f('2027-02-05', '2027-02-08'), { name: '元宵', from: '2027-02-08', to: '2027-02-08', workdays: [] }])).toContain('同时列在');
  });
});

describe('the lunar festival table the statutory fallback reads', () => {
  const { LUNAR_FESTIVALS, LUNAR_FESTIVAL_YEARS } = jest.requireActual('../../../cloudfunctions/src/catalogue/lunar-festivals') as typeof import('../../../cloudfunctions/src/catalogue/lunar-festivals');
  const { LunarDay, SolarTerm } = jest.requireActual('tyme4ts') as typeof import('tyme4ts');
  const pad = (n: number) => String(n).padStart(2, '0');
  const solar = (s: { getYear(): number; getMonth(): number; getDay(): number }) => `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`;
  const years = Array.from({ length: LUNAR_FESTIVAL_YEARS.last - LUNAR_FESTIVAL_YEARS.first + 1 }, (_, i) => LUNAR_FESTIVAL_YEARS.first + i);

  test('every year agrees with tyme4ts', () => {
    for (const year of years) {
      expect([year, LUNAR_FESTIVALS[year]]).toEqual([year, {
        springFestival: solar(LunarDay.fromYmd(year, 1, 1).getSolarDay()),
        qingming: solar(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay()),
        duanwu: solar(LunarDay.fromYmd(year, 5, 5).getSolarDay()),
        midAutumn: solar(LunarDay.fromYmd(year, 8, 15).getSolarDay()),
      }]);
    }
    expect(years.length).toBeGreaterThanOrEqual(30);
  });

  test('past the table the fallback refuses instead of guessing', () => {
    expect(() => statutoryHolidayYear(LUNAR_FESTIVAL_YEARS.last + 1)).toThrow(/no lunar festival dates/);
  });
});
