// Statistics of the remote-inspection trial (R1, R19, R20), per China month and per matter. Pure: the caller loads
// the cases, draws, follow-ups and findings and passes `now`. Fields other parts of the case's life fill in later
// (decision, rounds, noShows, rating) count as none or zero while they are missing.
//
// Attribution: intake figures (received, remote share) belong to the month a case was submitted; outcome figures
// (working days, pass and rectification rates, re-inspections, no-shows, satisfaction) to the month it was first
// decided; spot-check figures to the month whose draw they come from; regulator findings to the month reported.

import type { StatisticsRow, TrialProgress } from '../../../typings/models';
import { addChinaMonths, chinaDateOf, chinaMonthOf, chinaMonthRange, chinaTime } from './china-time';
import { type HolidayCalendar, workingDaysBetween } from './working-days';

export interface StatisticsCase {
  id: string;
  matterCode: string;
  matterName: string;
  mode: string;
  /** The applicant's choice when the office later switched the case to on-site. */
  requestedMode?: string;
  submittedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  decision?: 'pass' | 'rectify' | 'fail';
  rounds?: number;
  noShows?: number;
  rating?: { score: number };
}

export interface StatisticsInput {
  /** The months reported, 'YYYY-MM', in order. */
  months: string[];
  cases: readonly StatisticsCase[];
  /** The stored draws of those months. */
  draws: readonly { month: string; allocation: readonly { matterCode: string; cases: number; drawn: number }[] }[];
  followUps: readonly { month: string; matterCode: string; status: 'open' | 'consistent' | 'finding' }[];
  /** Findings reported by sector regulators. */
  regulatorFindings: readonly { reportedAt: string; matterCode: string }[];
  trial: { start: string; months: number };
  now: Date;
  calendar: HolidayCalendar;
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  if (!MONTH_PATTERN.test(from) || !MONTH_PATTERN.test(to)) throw new RangeError(`not a month range: ${from}–${to}`);
  const months: string[] = [];
  for (let m = from; m <= to; m = chinaMonthOf(chinaMonthRange(m).end)) months.push(m);
  return months;
}

/** The trial's first day and end (China dates), and the share of it elapsed at `at`, clamped to 0…1. */
export function trialProgress(trial: { start: string; months: number }, at: Date): TrialProgress {
  const start = chinaTime(`${trial.start} 00:00`);
  const end = addChinaMonths(start, trial.months);
  const share = (at.getTime() - start.getTime()) / (end.getTime() - start.getTime());
  return { start: trial.start, end: chinaDateOf(end), months: trial.months, elapsedShare: Math.min(1, Math.max(0, share)) };
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const sum = <T>(items: readonly T[], of: (item: T) => number): number => items.reduce((s, item) => s + of(item), 0);

interface MonthSlice {
  received: StatisticsCase[];
  decided: StatisticsCase[];
  allocation: { matterCode: string; cases: number; drawn: number }[];
  followUps: { matterCode: string; status: string }[];
  regulatorFindings: { matterCode: string }[];
}

function measure(slice: MonthSlice, calendar: HolidayCalendar): Omit<StatisticsRow, 'month' | 'matterCode' | 'matterName' | 'trialElapsedShare'> {
  const { received, decided, allocation, followUps } = slice;
  const receivedRemote = received.filter((c) => (c.requestedMode ?? c.mode) === 'remote').length;
  const days = decided
    .filter((c) => c.acceptedAt)
    .map((c) => workingDaysBetween(new Date(c.acceptedAt!), new Date(c.decidedAt!), calendar));
  const ratings = decided.flatMap((c) => (c.rating ? [c.rating.score] : []));
  const population = sum(allocation, (a) => a.cases);
  const drawn = sum(allocation, (a) => a.drawn);
  return {
    received: received.length,
    receivedRemote,
    remoteShare: ratio(receivedRemote, received.length),
    decided: decided.length,
    workingDaysMedian: median(days),
    workingDaysMean: mean(days),
    firstTimePassRate: ratio(decided.filter((c) => c.decision === 'pass').length, decided.length),
    rectificationRate: ratio(decided.filter((c) => c.decision === 'rectify').length, decided.length),
    reinspections: sum(decided, (c) => Math.max(0, (c.rounds ?? 1) - 1)),
    noShows: sum(decided, (c) => c.noShows ?? 0),
    spotCheckPopulation: population,
    spotCheckDrawn: drawn,
    spotCheckCoverage: ratio(drawn, population),
    followUpsDone: followUps.filter((f) => f.status !== 'open').length,
    followUpFindings: followUps.filter((f) => f.status === 'finding').length,
    regulatorFindings: slice.regulatorFindings.length,
    ratings: ratings.length,
    satisfactionMean: mean(ratings),
  };
}

/**
 * One row per month for all matters together (matterCode null), followed by one row per matter that has anything
 * to count that month, in matter-code order.
 */
export function computeStatistics(input: StatisticsInput): StatisticsRow[] {
  const names = new Map(input.cases.map((c) => [c.matterCode, c.matterName]));
  // Month bounds are computed once and compared as numbers: converting every instant to a China month through the
  // time-zone library would cost a fraction of a millisecond per case.
  const bounds = input.months.map((month) => {
    const { start, end } = chinaMonthRange(month);
    return { month, from: start.getTime(), to: end.getTime() };
  });
  const monthOf = (iso: string | null): string | null => {
    if (!iso) return null;
    const t = Date.parse(iso);
    return bounds.find((b) => t >= b.from && t < b.to)?.month ?? null;
  };
  const received = groupBy(input.cases, (c) => monthOf(c.submittedAt));
  const decided = groupBy(input.cases, (c) => monthOf(c.decidedAt));
  const reported = groupBy(input.regulatorFindings, (f) => monthOf(f.reportedAt));
  return input.months.flatMap((month) => {
    const slice: MonthSlice = {
      received: received.get(month) ?? [],
      decided: decided.get(month) ?? [],
      allocation: input.draws.filter((d) => d.month === month).flatMap((d) => d.allocation),
      followUps: input.followUps.filter((f) => f.month === month),
      regulatorFindings: reported.get(month) ?? [],
    };
    const monthEnd = chinaMonthRange(month).end;
    const trialElapsedShare = trialProgress(input.trial, monthEnd < input.now ? monthEnd : input.now).elapsedShare;
    const matters = [
      ...new Set([
        ...slice.received.map((c) => c.matterCode),
        ...slice.decided.map((c) => c.matterCode),
        ...slice.allocation.map((a) => a.matterCode),
        ...slice.followUps.map((f) => f.matterCode),
        ...slice.regulatorFindings.map((f) => f.matterCode),
      ]),
    ].sort();
    const total: StatisticsRow = { month, matterCode: null, matterName: '全部事项', ...measure(slice, input.calendar), trialElapsedShare };
    const perMatter = matters.map((code): StatisticsRow => {
      const of = <T extends { matterCode: string }>(items: T[]) => items.filter((item) => item.matterCode === code);
      const matterSlice: MonthSlice = {
        received: of(slice.received),
        decided: of(slice.decided),
        allocation: of(slice.allocation),
        followUps: of(slice.followUps),
        regulatorFindings: of(slice.regulatorFindings),
      };
      return { month, matterCode: code, matterName: names.get(code) ?? code, ...measure(matterSlice, input.calendar), trialElapsedShare };
    });
    return [total, ...perMatter];
  });
}
