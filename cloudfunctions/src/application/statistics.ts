import type { StatisticsReport } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import { chinaMonthOf, chinaMonthRange } from '../domain/china-time';
import { type StatisticsCase, computeStatistics, monthsBetween, trialProgress } from '../domain/statistics';
import type { Stored } from '../ports/store';
import { knownYear } from './calendar-years';
import type { FindingRecord } from './findings';
import { findInRange } from './find-all';
import type { FollowUpRecord } from './follow-ups';
import type { DrawDocument } from './monthly-draw';

/** A report covers at most two years of months, so one request stays within a function's time and memory. */
const MAX_MONTHS = 24;
/** What the statistics count of a case (domain/statistics.ts StatisticsCase): nothing else of it is read. */
const COUNTED_CASE_FIELDS: (keyof StatisticsCase)[] = [
  'matterCode', 'matterName', 'mode', 'requestedMode', 'submittedAt', 'acceptedAt', 'decidedAt', 'decision', 'rounds', 'noShows', 'rating',
];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Loads what the months' statistics are computed from, through the indexes, and computes them. */
export async function statisticsReport(ctx: ActionContext, from: string, to: string): Promise<StatisticsReport> {
  const months = monthsBetween(from, to);
  if (months.length === 0) throw new AppError('VALIDATION', '起始月份不能晚于结束月份');
  if (months.length > MAX_MONTHS) throw new AppError('VALIDATION', `一次最多统计 ${MAX_MONTHS} 个月`);
  // Instants are compared as text by the store: a day's margin either side catches any stored with an offset other
  // than Z, and the domain then counts each case in exactly its China month.
  const start = new Date(chinaMonthRange(from).start.getTime() - DAY_MS).toISOString();
  const end = new Date(chinaMonthRange(to).end.getTime() + DAY_MS).toISOString();
  const [received, decidedRemote, decidedOnsite, draws, followUps, findings] = await Promise.all([
    findInRange<CaseRecord>(ctx.store, 'cases', {}, 'submittedAt', start, end, COUNTED_CASE_FIELDS),
    findInRange<CaseRecord>(ctx.store, 'cases', { mode: 'remote' }, 'decidedAt', start, end, COUNTED_CASE_FIELDS),
    findInRange<CaseRecord>(ctx.store, 'cases', { mode: 'onsite' }, 'decidedAt', start, end, COUNTED_CASE_FIELDS),
    findInRange<DrawDocument>(ctx.store, 'draws', {}, 'month', from, `${to}~`),
    findInRange<FollowUpRecord>(ctx.store, 'followUps', {}, 'month', from, `${to}~`),
    findInRange<FindingRecord>(ctx.store, 'findings', {}, 'reportedAt', start, end),
  ]);
  const cases = new Map<string, Stored<CaseRecord>>();
  for (const c of [...received, ...decidedRemote, ...decidedOnsite]) cases.set(c._id, c);
  const { trialStart, trialMonths } = ctx.config.supervision;
  // The year before the range too, for counts begun in it, unless the calendar cannot count that year (before any
  // notice or the statutory rule): nothing began there. A range inside such a year is refused by the calendar.
  const first = (await knownYear(ctx, Number(from.slice(0, 4)) - 1)) ? Number(from.slice(0, 4)) - 1 : Number(from.slice(0, 4));
  const rows = computeStatistics({
    months,
    cases: [...cases.values()].map((c) => ({ ...c, id: c._id })),
    draws,
    followUps,
    regulatorFindings: findings.filter((f) => f.source === 'regulator'),
    trial: { start: trialStart, months: trialMonths },
    now: ctx.now,
    calendar: await ctx.calendar.years(first, Math.max(Number(to.slice(0, 4)), Number(chinaMonthOf(ctx.now).slice(0, 4)))),
  });
  return { from, to, generatedAt: ctx.now.toISOString(), trial: trialProgress({ start: trialStart, months: trialMonths }, ctx.now), rows };
}
