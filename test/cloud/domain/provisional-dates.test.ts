import { chinaTime, formatChina } from '../../../cloudfunctions/src/domain/china-time';
import { markedSlot, slotStartingAt } from '../../../cloudfunctions/src/domain/inspection-slots';
import { deadlineAfter } from '../../../cloudfunctions/src/domain/working-days';
import { seededCalendar } from '../../support/calendar';

// 2026 has its State Council notice; 2027 is counted on the statutory days until an admin enters its notice.
const cal = seededCalendar(2025, 2028);
const day = (d: Date): string => formatChina(d, 'YYYY-MM-DD');

describe('a deadline (credit correction, follow-up visit, rectification) is provisional when its count reaches 2027', () => {
  it('five working days from Wednesday 10 June 2026 stay in 2026: not provisional', () => {
    const { deadline, provisional } = deadlineAfter(chinaTime('2026-06-10 10:00'), 5, cal);
    expect(day(deadline)).toBe('2026-06-17');
    expect(provisional).toBe(false);
  });

  it('five working days from Tuesday 29 December 2026 cross 元旦 2027: provisional', () => {
    const { deadline, provisional } = deadlineAfter(chinaTime('2026-12-29 10:00'), 5, cal);
    // 30, 31 Dec; 1 Jan is 元旦 (statutory); 4, 5, 6 Jan.
    expect(day(deadline)).toBe('2027-01-06');
    expect(provisional).toBe(true);
  });

  it('twenty working days (a follow-up visit) from 1 December 2026 end in 2026, from 15 December in 2027', () => {
    expect(deadlineAfter(chinaTime('2026-12-01 10:00'), 20, cal).provisional).toBe(false);
    const late = deadlineAfter(chinaTime('2026-12-15 10:00'), 20, cal);
    expect(day(late.deadline)).toBe('2027-01-13');
    expect(late.provisional).toBe(true);
  });
});

describe('an inspection slot is provisional when its day is in 2027', () => {
  it('marks a slot on Tuesday 5 January 2027, not one on Tuesday 29 December 2026', () => {
    const in2027 = markedSlot(slotStartingAt(chinaTime('2027-01-05 10:00'), 60), cal);
    const in2026 = markedSlot(slotStartingAt(chinaTime('2026-12-29 10:00'), 60), cal);
    expect(in2027).toEqual({ start: '2027-01-05T02:00:00.000Z', end: '2027-01-05T03:00:00.000Z', provisional: true });
    expect(in2026).toEqual({ start: '2026-12-29T02:00:00.000Z', end: '2026-12-29T03:00:00.000Z' });
  });

  it('drops a stale mark once the year is entered (the same slot on a calendar without provisional years)', () => {
    const entered = { ...cal, provisionalYears: [] };
    expect(markedSlot({ start: '2027-01-05T02:00:00.000Z', end: '2027-01-05T03:00:00.000Z', provisional: true }, entered)).not.toHaveProperty('provisional');
  });
});
