import type { StatisticsRow } from '../../../typings/models';
import { computeStatistics, monthsBetween, type StatisticsCase, type StatisticsInput, trialProgress } from '../../../cloudfunctions/src/domain/statistics';

// The trial statistics (R1, R19, R20) counted by hand over small sets of cases: each figure is attributed to the
// China month its rule names, and a month or matter with nothing to count says so (zero, or null for a ratio).

const NO_HOLIDAYS = { holidays: [], adjustedWorkdays: [] };
const NOW = new Date('2026-12-01T00:00:00+08:00');
/** A trial long over by NOW: every month's elapsed share is 1, so the tests below that ignore it can. */
const PAST_TRIAL = { start: '2025-01-01', months: 6 };

/** A row with nothing counted; a test overrides the figures it expects. */
const row = (month: string, matterCode: string | null, matterName: string, figures: Partial<StatisticsRow> = {}): StatisticsRow => ({
  month,
  matterCode,
  matterName,
  received: 0,
  receivedRemote: 0,
  remoteShare: null,
  decided: 0,
  workingDaysMedian: null,
  workingDaysMean: null,
  firstTimePassRate: null,
  rectificationRate: null,
  reinspections: 0,
  noShows: 0,
  spotCheckPopulation: 0,
  spotCheckDrawn: 0,
  spotCheckCoverage: null,
  followUpsDone: 0,
  followUpFindings: 0,
  regulatorFindings: 0,
  ratings: 0,
  satisfactionMean: null,
  trialElapsedShare: 1,
  ...figures,
});

let serial = 0;
const aCase = (fields: Partial<StatisticsCase> & Pick<StatisticsCase, 'matterCode' | 'submittedAt'>): StatisticsCase => ({
  id: `c${++serial}`,
  matterName: fields.matterCode === 'M01' ? '食品经营许可' : '药品零售许可',
  mode: 'remote',
  acceptedAt: null,
  decidedAt: null,
  ...fields,
});

const input = (over: Partial<StatisticsInput>): StatisticsInput => ({
  months: ['2026-03', '2026-04'],
  cases: [],
  draws: [],
  followUps: [],
  regulatorFindings: [],
  trial: PAST_TRIAL,
  now: NOW,
  calendar: NO_HOLIDAYS,
  ...over,
});

describe('monthsBetween', () => {
  test('lists the months from the first to the last, both included, across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
  });

  test('is empty when the last month is before the first', () => {
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
  });

  test.each(['2026-09', '2026-10', '2026-12', '2026-01'])('%s is a month', (month) => {
    expect(monthsBetween(month, month)).toEqual([month]);
  });

  test.each(['2026-00', '2026-13', '2026-1', '202-01', '12026-01', '2026-011', ' 2026-01', '2026-01 ', '2026/01', 'abcd-01', '2026-ab', ''])(
    '%j is refused as either end',
    (bad) => {
      expect(() => monthsBetween(bad, '2026-05')).toThrow(new RangeError(`not a month range: ${bad}–2026-05`));
      expect(() => monthsBetween('2026-01', bad)).toThrow(RangeError);
    },
  );
});

describe('trialProgress', () => {
  const trial = { start: '2026-01-01', months: 12 };

  test('runs from the first day for the given months, in China dates', () => {
    expect(trialProgress(trial, new Date('2026-07-02T12:00:00+08:00'))).toEqual({ start: '2026-01-01', end: '2027-01-01', months: 12, elapsedShare: 0.5 });
    expect(trialProgress({ start: '2026-03-15', months: 2 }, NOW).end).toBe('2026-05-15');
  });

  test('the share elapsed is 0 at the start and before it, 1 at the end and after it', () => {
    expect(trialProgress(trial, new Date('2026-01-01T00:00:00+08:00')).elapsedShare).toBe(0);
    expect(trialProgress(trial, new Date('2025-12-01T00:00:00+08:00')).elapsedShare).toBe(0);
    expect(trialProgress(trial, new Date('2027-01-01T00:00:00+08:00')).elapsedShare).toBe(1);
    expect(trialProgress(trial, new Date('2027-06-01T00:00:00+08:00')).elapsedShare).toBe(1);
    // 73 of 365 days: a fifth.
    expect(trialProgress(trial, new Date('2026-03-15T00:00:00+08:00')).elapsedShare).toBeCloseTo(73 / 365, 12);
  });
});

describe('computeStatistics', () => {
  test('intake counts the China month a case was submitted in, and the applicant’s own choice of remote', () => {
    const cases = [
      aCase({ matterCode: 'M01', submittedAt: '2026-03-31T15:59:59Z' }), // 23:59:59 on 31 March in China
      aCase({ matterCode: 'M01', submittedAt: '2026-03-31T16:00:00Z' }), // 1 April in China, still March in UTC
      aCase({ matterCode: 'M01', submittedAt: '2026-03-10T02:00:00Z', mode: 'onsite', requestedMode: 'remote' }), // switched by the office
      aCase({ matterCode: 'M02', submittedAt: '2026-03-11T02:00:00Z', mode: 'onsite' }),
      aCase({ matterCode: 'M01', submittedAt: '2026-02-28T16:00:00Z' }), // 00:00 on 1 March in China
      aCase({ matterCode: 'M01', submittedAt: '2026-02-28T15:59:59Z' }), // February
      aCase({ matterCode: 'M02', submittedAt: '2026-04-30T16:00:00Z' }), // May
    ];
    expect(computeStatistics(input({ cases }))).toEqual([
      row('2026-03', null, '全部事项', { received: 4, receivedRemote: 3, remoteShare: 0.75 }),
      row('2026-03', 'M01', '食品经营许可', { received: 3, receivedRemote: 3, remoteShare: 1 }),
      row('2026-03', 'M02', '药品零售许可', { received: 1, receivedRemote: 0, remoteShare: 0 }),
      row('2026-04', null, '全部事项', { received: 1, receivedRemote: 1, remoteShare: 1 }),
      row('2026-04', 'M01', '食品经营许可', { received: 1, receivedRemote: 1, remoteShare: 1 }),
    ]);
  });

  test('outcomes count the month a case was decided in: working days on the calendar, rates, re-inspections, no-shows, ratings', () => {
    // 6 April 2026 (a Monday) is made a holiday; plain weekends otherwise.
    const calendar = { holidays: ['2026-04-06'], adjustedWorkdays: [] };
    const submittedAt = '2026-03-01T10:00:00+08:00';
    const decided = (matterCode: string, accepted: string | null, decidedOn: string, more: Partial<StatisticsCase>): StatisticsCase =>
      aCase({ matterCode, submittedAt, acceptedAt: accepted && `${accepted}T09:00:00+08:00`, decidedAt: `${decidedOn}T15:00:00+08:00`, ...more });
    const cases = [
      // March: 10, 1 and 2 working days, given out of order.
      decided('M01', '2026-03-02', '2026-03-16', { decision: 'pass', rounds: 1 }),
      decided('M01', '2026-03-09', '2026-03-10', { decision: 'pass', rounds: 1 }),
      decided('M02', '2026-03-10', '2026-03-12', { decision: 'rectify', rounds: 2, rating: { score: 2 } }),
      // April: 1, 2, 3 (over the holiday) and 16 working days, and one decided without being accepted.
      decided('M01', '2026-04-01', '2026-04-02', { decision: 'pass', rounds: 1, noShows: 0, rating: { score: 5 } }),
      decided('M01', '2026-04-01', '2026-04-03', { decision: 'rectify', rounds: 2, noShows: 1, rating: { score: 3 } }),
      decided('M02', '2026-04-02', '2026-04-08', { decision: 'fail', rounds: 3, noShows: 2, rating: { score: 1 } }),
      decided('M02', '2026-03-20', '2026-04-14', { decision: 'pass' }),
      decided('M02', null, '2026-04-20', { rounds: 0 }),
      // Accepted in April, decided in May: not yet an outcome of either month.
      decided('M01', '2026-04-20', '2026-05-06', { decision: 'pass', rounds: 1 }),
    ];
    const received = { received: 9, receivedRemote: 9, remoteShare: 1 };
    expect(computeStatistics(input({ months: ['2026-03', '2026-04'], cases, calendar }))).toEqual([
      row('2026-03', null, '全部事项', {
        ...received,
        decided: 3,
        workingDaysMedian: 2,
        workingDaysMean: 13 / 3,
        firstTimePassRate: 2 / 3,
        rectificationRate: 1 / 3,
        reinspections: 1,
        ratings: 1,
        satisfactionMean: 2,
      }),
      row('2026-03', 'M01', '食品经营许可', { received: 5, receivedRemote: 5, remoteShare: 1, decided: 2, workingDaysMedian: 5.5, workingDaysMean: 5.5, firstTimePassRate: 1, rectificationRate: 0 }),
      row('2026-03', 'M02', '药品零售许可', {
        received: 4,
        receivedRemote: 4,
        remoteShare: 1,
        decided: 1,
        workingDaysMedian: 2,
        workingDaysMean: 2,
        firstTimePassRate: 0,
        rectificationRate: 1,
        reinspections: 1,
        ratings: 1,
        satisfactionMean: 2,
      }),
      row('2026-04', null, '全部事项', {
        decided: 5,
        workingDaysMedian: 2.5,
        workingDaysMean: 22 / 4,
        firstTimePassRate: 2 / 5,
        rectificationRate: 1 / 5,
        reinspections: 3,
        noShows: 3,
        ratings: 3,
        satisfactionMean: 3,
      }),
      row('2026-04', 'M01', '食品经营许可', {
        decided: 2,
        workingDaysMedian: 1.5,
        workingDaysMean: 1.5,
        firstTimePassRate: 0.5,
        rectificationRate: 0.5,
        reinspections: 1,
        noShows: 1,
        ratings: 2,
        satisfactionMean: 4,
      }),
      row('2026-04', 'M02', '药品零售许可', {
        decided: 3,
        workingDaysMedian: 9.5,
        workingDaysMean: 9.5,
        firstTimePassRate: 1 / 3,
        rectificationRate: 0,
        reinspections: 2,
        noShows: 2,
        ratings: 1,
        satisfactionMean: 1,
      }),
    ]);
  });

  test('spot checks count their draw’s month, findings the month reported; a matter with no case is named by its code; rows in matter-code order', () => {
    const cases = [aCase({ matterCode: 'M01', submittedAt: '2026-01-05T10:00:00+08:00' })]; // names M01, counts in no month
    const rows = computeStatistics(
      input({
        months: ['2026-03', '2026-04', '2026-05'],
        cases,
        draws: [
          { month: '2026-03', allocation: [{ matterCode: 'M02', cases: 5, drawn: 1 }, { matterCode: 'M01', cases: 10, drawn: 1 }] },
          { month: '2026-04', allocation: [{ matterCode: 'M01', cases: 4, drawn: 1 }] },
        ],
        followUps: [
          { month: '2026-03', matterCode: 'M02', status: 'open' },
          { month: '2026-03', matterCode: 'M01', status: 'consistent' },
          { month: '2026-03', matterCode: 'M01', status: 'finding' },
          { month: '2026-04', matterCode: 'M01', status: 'open' },
        ],
        regulatorFindings: [
          { reportedAt: '2026-03-05T10:00:00+08:00', matterCode: 'M02' },
          { reportedAt: '2026-03-31T16:30:00Z', matterCode: 'M01' }, // 1 April in China
          { reportedAt: '2026-02-10T10:00:00+08:00', matterCode: 'M01' },
        ],
      }),
    );
    expect(rows).toEqual([
      row('2026-03', null, '全部事项', { spotCheckPopulation: 15, spotCheckDrawn: 2, spotCheckCoverage: 2 / 15, followUpsDone: 2, followUpFindings: 1, regulatorFindings: 1 }),
      row('2026-03', 'M01', '食品经营许可', { spotCheckPopulation: 10, spotCheckDrawn: 1, spotCheckCoverage: 0.1, followUpsDone: 2, followUpFindings: 1 }),
      row('2026-03', 'M02', 'M02', { spotCheckPopulation: 5, spotCheckDrawn: 1, spotCheckCoverage: 0.2, regulatorFindings: 1 }),
      row('2026-04', null, '全部事项', { spotCheckPopulation: 4, spotCheckDrawn: 1, spotCheckCoverage: 0.25, regulatorFindings: 1 }),
      row('2026-04', 'M01', '食品经营许可', { spotCheckPopulation: 4, spotCheckDrawn: 1, spotCheckCoverage: 0.25, regulatorFindings: 1 }),
      row('2026-05', null, '全部事项'),
    ]);
  });

  test('each month carries the share of the trial elapsed at its end, or now for a month not over', () => {
    const rows = computeStatistics(
      input({
        months: ['2026-02', '2026-03', '2026-04', '2026-05'],
        trial: { start: '2026-03-01', months: 2 }, // 61 days
        now: new Date('2026-04-15T12:00:00+08:00'),
      }),
    );
    expect(rows.map((r) => r.month)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    const shares = rows.map((r) => r.trialElapsedShare);
    expect(shares[0]).toBe(0);
    expect(shares[1]).toBeCloseTo(31 / 61, 12);
    expect(shares[2]).toBeCloseTo(45.5 / 61, 12);
    expect(shares[3]).toBeCloseTo(45.5 / 61, 12);
  });

  test('a month with no rows of its own still has its total row', () => {
    expect(computeStatistics(input({ months: ['2026-06'] }))).toEqual([row('2026-06', null, '全部事项')]);
    expect(computeStatistics(input({ months: [] }))).toEqual([]);
  });
});
