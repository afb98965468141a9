import type { StatisticsReport, StatisticsRow } from '../../../typings/models';
import { shortMonthLabel } from './months';
import { percentText } from './percent';

// The dashboard's figures: which measures there are, how each reads in Chinese, and bars as plain widths in %.
// Labels follow the exported CSV's column names, so the screen and the spreadsheet say the same thing.

export type MetricKey =
  | 'received' | 'remoteShare' | 'workingDays' | 'firstTimePassRate' | 'rectificationRate' | 'reinspections'
  | 'noShows' | 'spotCheckCoverage' | 'findings' | 'satisfaction' | 'trialElapsedShare';

/** How a bar is scaled: a share is its own width, a score is out of 5, a count is against the longest bar. */
type Scale = 'share' | 'count' | 'score';

interface Metric {
  key: MetricKey;
  label: string;
  scale: Scale;
  value: (r: StatisticsRow) => number | null;
  text: (r: StatisticsRow) => string;
}

const days = (n: number | null) => (n === null ? '—' : `${+n.toFixed(1)} 个工作日`);

const METRICS: Metric[] = [
  { key: 'received', label: '受理申请数', scale: 'count', value: (r) => r.received, text: (r) => `${r.received} 件（远程 ${r.receivedRemote} 件）` },
  { key: 'remoteShare', label: '远程踏勘占比', scale: 'share', value: (r) => r.remoteShare, text: (r) => percentText(r.remoteShare) },
  {
    key: 'workingDays', label: '受理至办结用时', scale: 'count', value: (r) => r.workingDaysMedian,
    text: (r) => (r.workingDaysMedian === null ? '—' : `中位 ${days(r.workingDaysMedian)}，平均 ${days(r.workingDaysMean)}`),
  },
  {
    key: 'firstTimePassRate', label: '一次通过率', scale: 'share', value: (r) => r.firstTimePassRate,
    text: (r) => `${percentText(r.firstTimePassRate)}（办结 ${r.decided} 件）`,
  },
  { key: 'rectificationRate', label: '限期整改率', scale: 'share', value: (r) => r.rectificationRate, text: (r) => percentText(r.rectificationRate) },
  { key: 'reinspections', label: '复勘次数', scale: 'count', value: (r) => r.reinspections, text: (r) => `${r.reinspections} 次` },
  { key: 'noShows', label: '爽约次数', scale: 'count', value: (r) => r.noShows, text: (r) => `${r.noShows} 次` },
  {
    key: 'spotCheckCoverage', label: '抽查覆盖率', scale: 'share', value: (r) => r.spotCheckCoverage,
    text: (r) => `${percentText(r.spotCheckCoverage)}（抽中 ${r.spotCheckDrawn} / ${r.spotCheckPopulation} 件）`,
  },
  {
    key: 'findings', label: '发现问题数', scale: 'count', value: (r) => r.followUpFindings + r.regulatorFindings,
    text: (r) => `回访发现 ${r.followUpFindings} 件（已回访 ${r.followUpsDone} 件），监管部门报告 ${r.regulatorFindings} 件`,
  },
  {
    key: 'satisfaction', label: '满意度', scale: 'score', value: (r) => r.satisfactionMean,
    text: (r) => (r.satisfactionMean === null ? '暂无评价' : `${r.satisfactionMean.toFixed(1)} 分（${r.ratings} 条评价，满分 5 分）`),
  },
  { key: 'trialElapsedShare', label: '试点期已过', scale: 'share', value: (r) => r.trialElapsedShare, text: (r) => percentText(r.trialElapsedShare) },
];

export const METRIC_OPTIONS = METRICS.map(({ key, label }) => ({ key, label }));

export interface Bar {
  key: string;
  label: string;
  text: string;
  /** Width of the bar in % of the track, 0–100. */
  width: number;
}

const metricOf = (key: MetricKey): Metric => METRICS.find((m) => m.key === key) ?? METRICS[0]!;

function bars(metric: Metric, rows: Array<{ key: string; label: string; row: StatisticsRow | undefined }>): Bar[] {
  const values = rows.map(({ row }) => (row ? metric.value(row) : null));
  const longest = Math.max(1, ...values.map((v) => v ?? 0));
  return rows.map(({ key, label, row }, i) => {
    const v = values[i] ?? null;
    const ratio = v === null ? 0 : metric.scale === 'share' ? v : metric.scale === 'score' ? v / 5 : v / longest;
    return { key, label, text: row ? metric.text(row) : '无办件', width: Math.round(Math.min(1, Math.max(0, ratio)) * 1000) / 10 };
  });
}

export interface MatterOption {
  /** '' for all matters together. */
  code: string;
  name: string;
}

/** The matters the report has figures for, all of them first. */
export function matterOptions(report: StatisticsReport): MatterOption[] {
  const names = new Map<string, string>();
  for (const r of report.rows) if (r.matterCode !== null) names.set(r.matterCode, r.matterName);
  return [{ code: '', name: '全部事项' }, ...[...names].map(([code, name]) => ({ code, name }))];
}

/** The report's months, oldest first. */
export const monthsOf = (report: StatisticsReport): string[] => [...new Set(report.rows.map((r) => r.month))].sort();

const rowOf = (report: StatisticsReport, month: string, matter: string) =>
  report.rows.find((r) => r.month === month && (r.matterCode ?? '') === matter);

/** One measure month by month, for one matter (or all). */
export const monthBars = (report: StatisticsReport, metric: MetricKey, matter: string): Bar[] =>
  bars(metricOf(metric), monthsOf(report).map((month) => ({ key: month, label: shortMonthLabel(month), row: rowOf(report, month, matter) })));

/** One measure matter by matter, in one month. */
export const matterBars = (report: StatisticsReport, metric: MetricKey, month: string): Bar[] =>
  bars(
    metricOf(metric),
    report.rows.filter((r) => r.month === month && r.matterCode !== null).map((r) => ({ key: r.matterCode!, label: r.matterName, row: r })),
  );

/** Every figure of one month and matter, as label and text. */
export function figures(report: StatisticsReport, month: string, matter: string): Array<{ label: string; value: string }> {
  const row = rowOf(report, month, matter);
  return row ? METRICS.map((m) => ({ label: m.label, value: m.text(row) })) : [];
}

export const metricLabel = (key: MetricKey): string => metricOf(key).label;
