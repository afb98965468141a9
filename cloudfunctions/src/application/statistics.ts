import type { StatisticsReport, StatisticsRow } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import { chinaMonthOf, chinaMonthRange } from '../domain/china-time';
import { type StatisticsCase, computeStatistics, monthsBetween, trialProgress } from '../domain/statistics';
import type { Stored } from '../ports/store';
import type { FindingRecord } from './findings';
import { findInRange } from './find-all';
import type { FollowUpRecord } from './follow-ups';
import type { DrawDocument } from './monthly-draw';

/** A report covers at most two years of months, so one request stays within a function's time and memory. */
const MAX_MONTHS = 24;
/** What the statistics count of a case (domain/statistics.ts StatisticsCase): nothing else of it is read. */
const COUNTED_CASE_FIELDS: (keyof StatisticsCase)[] = [
  'matterCode', 'matterName', 'mode', 'submittedAt', 'acceptedAt', 'decidedAt', 'decision', 'rounds', 'noShows', 'rating',
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
  const rows = computeStatistics({
    months,
    cases: [...cases.values()].map((c) => ({ ...c, id: c._id })),
    draws,
    followUps,
    regulatorFindings: findings.filter((f) => f.source === 'regulator'),
    trial: { start: trialStart, months: trialMonths },
    now: ctx.now,
    calendar: await ctx.calendar.years(Number(from.slice(0, 4)) - 1, Math.max(Number(to.slice(0, 4)), Number(chinaMonthOf(ctx.now).slice(0, 4)))),
  });
  return { from, to, generatedAt: ctx.now.toISOString(), trial: trialProgress({ start: trialStart, months: trialMonths }, ctx.now), rows };
}

type Cell = string | number | null;

const percent = (share: number | null): Cell => (share === null ? null : +(share * 100).toFixed(1));
const decimal = (value: number | null): Cell => (value === null ? null : +value.toFixed(1));

const COLUMNS: [header: string, value: (row: StatisticsRow) => Cell][] = [
  ['月份', (r) => r.month],
  ['事项编码', (r) => r.matterCode ?? '全部'],
  ['事项名称', (r) => r.matterName],
  ['受理申请数', (r) => r.received],
  ['选择远程踏勘数', (r) => r.receivedRemote],
  ['远程踏勘占比（%）', (r) => percent(r.remoteShare)],
  ['办结数', (r) => r.decided],
  ['受理至办结工作日（中位数）', (r) => decimal(r.workingDaysMedian)],
  ['受理至办结工作日（平均）', (r) => decimal(r.workingDaysMean)],
  ['一次通过率（%）', (r) => percent(r.firstTimePassRate)],
  ['限期整改率（%）', (r) => percent(r.rectificationRate)],
  ['复勘次数', (r) => r.reinspections],
  ['爽约次数', (r) => r.noShows],
  ['抽查总体数', (r) => r.spotCheckPopulation],
  ['抽查数', (r) => r.spotCheckDrawn],
  ['抽查覆盖率（%）', (r) => percent(r.spotCheckCoverage)],
  ['已回访数', (r) => r.followUpsDone],
  ['回访发现问题数', (r) => r.followUpFindings],
  ['监管部门报告问题数', (r) => r.regulatorFindings],
  ['满意度评价数', (r) => r.ratings],
  ['满意度平均分（5分制）', (r) => decimal(r.satisfactionMean)],
  ['试点期已过（%）', (r) => percent(r.trialElapsedShare)],
];

/**
 * The report as an .xlsx workbook (exceljs): WeChat's document viewer opens it on the phone, which it does not do
 * for CSV. One sheet, a bold frozen header of Chinese column names, numbers as numbers, an empty cell for "none".
 */
export async function statisticsXlsx(report: StatisticsReport): Promise<Buffer> {
  // Loaded on first use: exceljs is large and only the export needs it.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date(report.generatedAt);
  const sheet = book.addWorksheet('统计', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([header], i) => ({ header, width: i < 3 ? 16 : Math.max(10, header.length * 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of report.rows) sheet.addRow(COLUMNS.map(([, value]) => value(row)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
