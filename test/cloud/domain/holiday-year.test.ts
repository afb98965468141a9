import { calendarOfYears, daysFrom, holidayYearProblem, weekdayOf } from '../../../cloudfunctions/src/domain/holiday-year';
import { STATUTORY_RULE_FROM, hasStatutoryYear, statutoryHolidayYear } from '../../../cloudfunctions/src/domain/statutory-holidays';

// A year's holidays as an admin enters them, checked in words; the statutory fallback's make-up days (补假); the
// calendar of several years.

const festival = (name: string, from: string, to: string, workdays: string[] = []) => ({ name, from, to, workdays });

describe('holidayYearProblem', () => {
  test('a date that does not exist, in any field, is named', () => {
    expect(holidayYearProblem(2027, [festival('春节', '2027-13-01', '2027-02-11')])).toBe('春节：2027-13-01 不是有效日期');
    expect(holidayYearProblem(2027, [festival('春节', '2027-02-05', '2027-02-29')])).toBe('春节：2027-02-29 不是有效日期');
    expect(holidayYearProblem(2027, [festival('春节', '2027-02-05', '2027-02-11', ['2027-2-20'])])).toBe('春节：2027-2-20 不是有效日期');
  });

  test('days belong to the year; 元旦 alone may start in the last days of the year before', () => {
    expect(holidayYearProblem(2027, [festival('元旦', '2026-12-31', '2027-01-01')])).toBeNull();
    expect(holidayYearProblem(2027, [festival('元旦', '2025-12-31', '2027-01-01')])).toBe('元旦：放假日期须在2027年');
    expect(holidayYearProblem(2027, [festival('元旦', '2026-12-31', '2026-12-31')])).toBe('元旦：放假日期须在2027年');
  });

  test('one holiday lasts at most 15 days', () => {
    expect(holidayYearProblem(2027, [festival('春节', '2027-02-01', '2027-02-15')])).toBeNull();
    expect(holidayYearProblem(2027, [festival('春节', '2027-02-01', '2027-02-16')])).toBe('春节：一次放假不超过15天');
  });

  test('a day cannot be both off and an adjusted working day', () => {
    // Sat 20 Feb 2027 made a working day for 春节 and listed as another holiday.
    expect(holidayYearProblem(2027, [festival('春节', '2027-02-05', '2027-02-11', ['2027-02-20']), festival('元宵', '2027-02-20', '2027-02-20')])).toBe(
      '2027-02-20 既是放假日又是调休上班日',
    );
    expect(holidayYearProblem(2027, [festival('春节', '2027-02-05', '2027-02-11', ['2027-02-20']), festival('元宵', '2027-02-21', '2027-02-21')])).toBeNull();
  });
});

test('the calendar of several years: their days off and working weekends, the additions, the years, which are provisional', () => {
  const entered = { year: 2026, festivals: [festival('国庆节', '2026-10-01', '2026-10-03', ['2026-10-10'])], provisional: false, source: 'notice' };
  const computed = statutoryHolidayYear(2027);
  const cal = calendarOfYears([entered, computed], { holidays: ['2026-06-01'], adjustedWorkdays: ['2026-06-06'] });
  expect(cal.years).toEqual({ first: 2026, last: 2027 });
  expect(cal.provisionalYears).toEqual([2027]);
  expect(cal.holidays.slice(0, 3)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
  expect(cal.holidays).toContain('2027-01-01');
  expect(cal.holidays.at(-1)).toBe('2026-06-01');
  expect(cal.adjustedWorkdays).toEqual(['2026-10-10', '2026-06-06']);
});

describe('statutoryHolidayYear', () => {
  const STATUTORY_DAYS: Record<string, number> = { 元旦: 1, 春节: 4, 清明节: 1, 劳动节: 2, 端午节: 1, 中秋节: 1, 国庆节: 3 };

  test('国庆 2026 ends on a Saturday: its made-up day skips the Sunday', () => {
    const national = statutoryHolidayYear(2026).festivals.find((f) => f.name.startsWith('国庆'))!;
    expect(national).toEqual({ name: '国庆节（含补假）', from: '2026-10-01', to: '2026-10-05', workdays: [] });
  });

  test('refuses a year before the 2024 revision took effect: its rule gave other days', () => {
    expect(STATUTORY_RULE_FROM).toBe(2025);
    expect(() => statutoryHolidayYear(2024)).toThrow(/precedes the 2024 revision/);
    expect(hasStatutoryYear(2024)).toBe(false);
    expect(hasStatutoryYear(2025)).toBe(true);
    expect(hasStatutoryYear(2061)).toBe(false);
  });

  test('says where its days come from and that they are provisional', () => {
    const y = statutoryHolidayYear(2030);
    expect(y.provisional).toBe(true);
    expect(y.source).toBe('《全国年节及纪念日放假办法》法定假日（未录入国务院通知，暂按法定天数计算）');
  });

  test('every year of the table the 2024 revision governs gives each festival its statutory number of weekdays off, none shared with an earlier festival', () => {
    let years = 0;
    let madeUp = 0;
    for (let year = STATUTORY_RULE_FROM; year <= 2060; year++) {
      const festivals = statutoryHolidayYear(year).festivals;
      expect(festivals.map((f) => f.name.replace('（含补假）', ''))).toEqual(Object.keys(STATUTORY_DAYS));
      const earlier = new Set<string>();
      for (const f of festivals) {
        const days = daysFrom(f.from, f.to);
        const weekdaysOff = days.filter((d) => weekdayOf(d) !== 0 && weekdayOf(d) !== 6 && !earlier.has(d));
        expect([year, f.name, weekdaysOff.length]).toEqual([year, f.name, STATUTORY_DAYS[f.name.replace('（含补假）', '')]]);
        // A festival starts on a day of its own: 中秋 2031 is 1 Oct, and 国庆 2031 then starts on the 2nd.
        expect([year, f.name, earlier.has(f.from)]).toEqual([year, f.name, false]);
        // A made-up day is a weekday: the span never ends on a weekend.
        expect([year, f.name, weekdayOf(f.to) === 0 || weekdayOf(f.to) === 6]).toEqual([year, f.name, f.name.endsWith('（含补假）') ? false : weekdayOf(f.to) === 0 || weekdayOf(f.to) === 6]);
        if (f.name.endsWith('（含补假）')) madeUp++;
        days.forEach((d) => earlier.add(d));
      }
      years++;
    }
    expect(years).toBe(36);
    expect(madeUp).toBeGreaterThan(30);
  });
});
