import type { CaseState } from '../../../typings/models';
import { caseNumber, caseNumberCounterId } from '../../../cloudfunctions/src/domain/case-number';
import { type CaseEvent, canHappen, nextState, OPEN_STATES, STATE_LABELS } from '../../../cloudfunctions/src/domain/case-state';
import { chinaDateOf, chinaMonthOf, chinaMonthRange, chinaTime, formatChina, previousMonth } from '../../../cloudfunctions/src/domain/china-time';
import { creditCodeCheckChar, isValidCreditCode } from '../../../cloudfunctions/src/domain/credit-code';
import { groupLabel } from '../../../cloudfunctions/src/domain/group-label';
import { listingEnd, mayBlacklist } from '../../../cloudfunctions/src/domain/credit-finding';
import { maskName, maskPhone } from '../../../cloudfunctions/src/domain/masking';
import { checklistId } from '../../../cloudfunctions/src/domain/matter';
import { deadlineWithinAWorkingDay, isDaytimeInChina, meetingReminderDue, unansweredForAWorkingDay } from '../../../cloudfunctions/src/domain/reminder-timing';
import { bothSigned, type SignedForm } from '../../../cloudfunctions/src/domain/signed-form';

// The small pure rules the flows lean on, each pinned by its own examples (so a change to one fails here, not
// only somewhere in a long scenario).

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test.each(['91110000802100433B', '11100000000013127D'])('%s is valid', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  test('a check character of 0 (sum divisible by 31) is 0, not Y', () => {
    // 17 zeros weigh nothing: (31 - 0 % 31) % 31 = 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(isValidCreditCode('000000000000000000')).toBe(true);
  });

  test.each([
    ['a wrong check character', '91110000802100433C'],
    ['17 characters', '91110000802100433'],
    ['19 characters', '91110000802100433BX'],
    ['a letter outside the alphabet (I)', '9111000080210043IB'],
    ['lower case', '91310000ma1fl5lx3e'],
    ['spaces around', ' 91110000802100433B'],
  ])('%s is refused', (_what, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  test('the check character cannot be computed over characters outside the alphabet or too few of them', () => {
    expect(creditCodeCheckChar('9111000080210043O')).toBeNull();
    expect(creditCodeCheckChar('911100008021')).toBeNull();
    expect(creditCodeCheckChar('911100008021004331')).toBeNull();
  });

  test('every position carries its own weight: changing any one of the first 17 changes the check character', () => {
    const base = '91110000802100433';
    for (let i = 0; i < 17; i++) {
      const changed = base.slice(0, i) + (base[i] === '1' ? '2' : '1') + base.slice(i + 1);
      expect([i, creditCodeCheckChar(changed)]).not.toEqual([i, 'B']);
    }
  });
});

describe('masking personal data in lists', () => {
  test.each([['张', '张'], ['张三', '张*'], ['欧阳娜娜', '欧***'], ['爱新觉罗溥仪', '爱***'], ['', '']])('name %s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
  test.each([['13812345678', '138****5678'], ['1381234', '138****1234'], ['138123', '****'], ['', '****']])('phone %s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('case numbers', () => {
  test('the date is China’s and the sequence has four digits', () => {
    expect(caseNumber('DL', new Date('2026-06-11T16:00:00Z'), 7)).toBe('DL-20260612-0007');
    expect(caseNumber('DL', new Date('2026-06-11T15:59:59Z'), 12345)).toBe('DL-20260611-12345');
    expect(caseNumberCounterId('DL', new Date('2026-06-11T16:00:00Z'))).toBe('case-number:DL:20260612');
  });
});

describe('the inspection group’s label (R5)', () => {
  test('事项名称-受理时间 (China, to the minute)-申请人姓名', () => {
    expect(groupLabel('二次供水单位卫生许可', '2026-06-12T01:30:59Z', '张三')).toBe('二次供水单位卫生许可-2026-06-12 09:30-张三');
  });
});

describe('China time', () => {
  test('dates, months and formats are China’s, eight hours ahead of UTC', () => {
    expect(chinaDateOf('2026-06-30T15:59:59Z')).toBe('2026-06-30');
    expect(chinaDateOf('2026-06-30T16:00:00Z')).toBe('2026-07-01');
    expect(chinaMonthOf(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07');
    expect(formatChina('2026-01-01T00:00:00Z', 'YYYY-MM-DD HH:mm')).toBe('2026-01-01 08:00');
    expect(chinaTime('2026-06-15 10:00').toISOString()).toBe('2026-06-15T02:00:00.000Z');
  });
  test('a month is the half-open range of its China days, and the one before crosses years', () => {
    const { start, end } = chinaMonthRange('2026-12');
    expect([start.toISOString(), end.toISOString()]).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
  });
});

describe('the case’s life', () => {
  const ALL_STATES = Object.keys(STATE_LABELS) as CaseState[];
  // The whole table, written out once more by hand: every (state, event) pair that is allowed and where it leads.
  const ALLOWED: [CaseState, CaseEvent, CaseState][] = [
    ['draft', 'submit', 'submitted'], ['submitted', 'accept', 'accepted'], ['submitted', 'return', 'returned'],
    ['returned', 'resubmit', 'submitted'], ['submitted', 'refuse', 'rejected'], ['accepted', 'signBoth', 'signed'],
    ['signed', 'joinGroup', 'ready'], ['ready', 'book', 'scheduled'], ['scheduled', 'reschedule', 'ready'],
    ['scheduled', 'start', 'inspecting'], ['inspecting', 'pass', 'passed'], ['rectifying', 'pass', 'passed'],
    ['inspecting', 'rectify', 'rectifying'], ['inspecting', 'fail', 'failed'], ['rectifying', 'fail', 'failed'],
    ['rectifying', 'requestReinspection', 'ready'], ['passed', 'archive', 'archived'], ['failed', 'archive', 'archived'],
    ...(['submitted', 'returned', 'accepted', 'signed', 'ready', 'scheduled', 'rectifying'] as const).map((s) => [s, 'withdraw', 'withdrawn'] as [CaseState, CaseEvent, CaseState]),
    ...(['accepted', 'signed', 'ready', 'scheduled', 'inspecting', 'rectifying'] as const).map((s) => [s, 'switchToOnsite', 'ready'] as [CaseState, CaseEvent, CaseState]),
  ];
  const EVENTS = [...new Set(ALLOWED.map(([, e]) => e))];

  test('every state and event pair: allowed exactly as the table says', () => {
    let pairs = 0;
    for (const from of ALL_STATES) {
      for (const event of EVENTS) {
        const row = ALLOWED.find(([s, e]) => s === from && e === event);
        expect([from, event, nextState(from, event)]).toEqual([from, event, row ? row[2] : null]);
        expect(canHappen(from, event)).toBe(!!row);
        pairs++;
      }
    }
    expect(pairs).toBe(15 * 17);
  });

  test('the open states, and a label for every state', () => {
    expect(OPEN_STATES).toEqual(['submitted', 'returned', 'accepted', 'signed', 'ready', 'scheduled', 'inspecting', 'rectifying']);
    expect(Object.values(STATE_LABELS).every((label) => /^[\u4e00-\u9fff]+$/.test(label))).toBe(true);
  });
});

describe('when reminders are due', () => {
  const start = new Date('2026-06-15T02:00:00Z'); // Monday 10:00 in China
  const before = (ms: number) => new Date(start.getTime() - ms);
  const HOUR = 60 * 60 * 1000;
  test.each([
    [25 * HOUR, null], [24 * HOUR, 'day'], [23 * HOUR, 'day'], [HOUR + 1, 'day'], [HOUR, 'hour'], [30 * 60 * 1000, 'hour'], [1, 'hour'], [0, null], [-HOUR, null],
  ])('%d ms before the meeting: %s', (ms, due) => {
    expect(meetingReminderDue(start, before(ms))).toBe(due);
  });
  test.each([
    ['2026-06-14T23:59:59Z', false], ['2026-06-15T00:00:00Z', true], ['2026-06-15T11:59:59Z', true], ['2026-06-15T12:00:00Z', false],
  ])('daytime in China at %s: %s', (at, daytime) => {
    expect(isDaytimeInChina(new Date(at))).toBe(daytime);
  });
  const plain = { holidays: [], adjustedWorkdays: [] };
  test('a request is overdue once the next working day has begun (a weekend does not count)', () => {
    const friday = new Date('2026-06-12T08:00:00Z'); // Friday 16:00 China
    expect(unansweredForAWorkingDay(friday, new Date('2026-06-14T15:59:59Z'), plain)).toBe(false); // Sunday 23:59
    expect(unansweredForAWorkingDay(friday, new Date('2026-06-14T16:00:00Z'), plain)).toBe(true); // Monday 00:00
  });
  test('a deadline is close on the working day before it and on the day itself, and not once past', () => {
    const deadline = new Date('2026-06-17T15:59:59.999Z'); // end of Wednesday, China
    expect(deadlineWithinAWorkingDay(deadline, new Date('2026-06-15T04:00:00Z'), plain)).toBe(false); // Monday
    expect(deadlineWithinAWorkingDay(deadline, new Date('2026-06-16T04:00:00Z'), plain)).toBe(true); // Tuesday
    expect(deadlineWithinAWorkingDay(deadline, new Date('2026-06-17T04:00:00Z'), plain)).toBe(true); // Wednesday
    expect(deadlineWithinAWorkingDay(deadline, deadline, plain)).toBe(false);
  });
});

describe('credit consequences', () => {
  test('only a serious or grave finding may blacklist', () => {
    expect([mayBlacklist('minor'), mayBlacklist('serious'), mayBlacklist('grave')]).toEqual([false, true, true]);
  });
  test('a listing ends at the same China wall-clock time months later, or the month’s last day', () => {
    expect(listingEnd(new Date('2026-01-31T02:00:00Z'), 1).toISOString()).toBe('2026-02-28T02:00:00.000Z');
    expect(listingEnd(new Date('2026-06-30T17:00:00Z'), 12).toISOString()).toBe('2027-06-30T17:00:00.000Z');
  });
});

describe('signed forms', () => {
  const form = {} as SignedForm;
  test('both forms means the consent and the commitment', () => {
    expect(bothSigned(undefined)).toBe(false);
    expect(bothSigned({ consent: form })).toBe(false);
    expect(bothSigned({ commitment: form })).toBe(false);
    expect(bothSigned({ consent: form, commitment: form })).toBe(true);
    expect(checklistId('TJDL-LAB-001', 2)).toBe('TJDL-LAB-001@2');
  });
});
