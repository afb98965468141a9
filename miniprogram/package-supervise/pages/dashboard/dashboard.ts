import type { StatisticsReport } from '../../../../typings/models';
import { downloadUrl } from '../../../services/file/download-url';
import { shareFile } from '../../../services/file/share-file';
import { exportStatistics } from '../../../services/supervision/export-statistics';
import { getStatistics } from '../../../services/supervision/get-statistics';
import { formatChinaTime } from '../../../utils/china-time';
import { errorText } from '../../../utils/format';
import { currentUser, hasRole } from '../../../utils/session';
import { chinaMonth, monthLabel } from '../../utils/months';
import { percentText } from '../../utils/percent';
import {
  type Bar, METRIC_OPTIONS, type MatterOption, type MetricKey, figures, matterBars, matterOptions, metricLabel, monthBars, monthsOf,
} from '../../utils/statistics-view';
import { asSingleLoad, refusal, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

/** The dashboard covers the current month and the five before it. */
const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
const MONTHS_SHOWN = 6;

interface ChartChoice {
  report: StatisticsReport;
  metric: MetricKey;
  matter: string;
  month: string;
  matters: MatterOption[];
}

/** The charts and figures for the chosen measure, matter and month. */
const charts = ({ report, metric, matter, month, matters }: ChartChoice) => ({
  metricText: metricLabel(metric),
  matterName: matters.find((m) => m.code === matter)?.name ?? '全部事项',
  monthBars: monthBars(report, metric, matter),
  matterBars: matterBars(report, metric, month),
  figures: figures(report, month, matter),
});

/** Where the supervisor goes from here. */
const ENTRIES = [
  { key: 'draws', label: '每月抽查', url: '/package-supervise/pages/draws/draws' },
  { key: 'follow-ups', label: '监督回访', url: '/package-supervise/pages/follow-ups/follow-ups' },
  { key: 'findings', label: '失信问题处理', url: '/package-supervise/pages/findings/findings' },
  { key: 'blacklist', label: '失信黑名单', url: '/package-supervise/pages/blacklist/blacklist' },
  { key: 'upcoming', label: '待踏勘 · 观察员', url: '/package-supervise/pages/upcoming/upcoming' },
  { key: 'ratings', label: '服务评价', url: '/package-supervise/pages/ratings/ratings' },
];

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('统计数据'),
    entries: ENTRIES,
    from: '',
    to: '',
    rangeText: '',
    report: null as StatisticsReport | null,
    generatedText: '',
    trial: { startText: '', endText: '', elapsedText: '', width: 0 },
    metrics: METRIC_OPTIONS,
    metric: 'received' as MetricKey,
    metricText: '',
    matters: [] as MatterOption[],
    matter: '',
    matterName: '全部事项',
    months: [] as Array<{ month: string; label: string }>,
    month: '',
    monthBars: [] as Bar[],
    matterBars: [] as Bar[],
    figures: [] as Array<{ label: string; value: string }>,
    exporting: false,
    rangeError: '',
    /** The downloaded workbook, ready to open again or forward (WeChat lets a file be forwarded only from a tap). */
    exportFile: null as { path: string; name: string; rows: number } | null,
  },

  onLoad() {
    const from = chinaMonth(1 - MONTHS_SHOWN);
    const to = chinaMonth(0);
    this.setData({ from, to, rangeText: `${monthLabel(from)} 至 ${monthLabel(to)}` });
    asSingleLoad(this).reload();
  },

  async load() {
    if (!hasRole(await currentUser(), 'supervisor')) throw refusal('监督工作台仅供政策法规科人员使用');
    const report = await getStatistics({ from: this.data.from, to: this.data.to });
    const months = monthsOf(report);
    const month = months.includes(this.data.month) ? this.data.month : months[months.length - 1] ?? '';
    const matters = matterOptions(report);
    return {
      report,
      generatedText: formatChinaTime(report.generatedAt),
      trial: {
        startText: report.trial.start,
        endText: report.trial.end,
        elapsedText: percentText(report.trial.elapsedShare),
        width: Math.round(Math.min(1, report.trial.elapsedShare) * 1000) / 10,
      },
      matters,
      months: months.map((m) => ({ month: m, label: monthLabel(m) })),
      month,
      ...charts({ report, metric: this.data.metric, matter: this.data.matter, month, matters }),
    };
  },

  /** Redraws for a new measure, matter or month. */
  draw(choice: Partial<Pick<ChartChoice, 'metric' | 'matter' | 'month'>>) {
    const { report, metric, matter, month, matters } = this.data;
    if (report) this.setData({ ...choice, ...charts({ report, metric, matter, month, matters, ...choice }) });
  },

  onEntry(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: e.currentTarget.dataset.url as string });
  },

  onMetric(e: WechatMiniprogram.TouchEvent) {
    this.draw({ metric: e.currentTarget.dataset.key as MetricKey });
  },

  onMatter(e: WechatMiniprogram.TouchEvent) {
    this.draw({ matter: e.currentTarget.dataset.code as string });
  },

  /** Any month range up to two years: the first or the last month picked. */
  onRange(e: WechatMiniprogram.PickerChange) {
    const which = e.currentTarget.dataset.end as 'from' | 'to';
    const range = { from: this.data.from, to: this.data.to, [which]: String(e.detail.value).slice(0, 7) };
    const span = monthIndex(range.to) - monthIndex(range.from);
    if (span < 0 || span > 23) {
      this.setData({ rangeError: span < 0 ? '起始月份不能晚于结束月份' : '一次最多统计24个月' });
      return;
    }
    this.setData({ ...range, rangeError: '', exportFile: null, rangeText: `${monthLabel(range.from)} 至 ${monthLabel(range.to)}` });
    asSingleLoad(this).reload();
  },

  onMonth(e: WechatMiniprogram.TouchEvent) {
    this.draw({ month: e.currentTarget.dataset.month as string });
  },

  /** Makes the .xlsx workbook, downloads it and opens it in WeChat's document viewer; forwarding it is a second tap. */
  async onExport() {
    if (this.data.exporting) return;
    this.setData({ exporting: true, exportFile: null });
    try {
      const file = await exportStatistics({ from: this.data.from, to: this.data.to });
      const path = await downloadUrl(file.downloadUrl);
      this.setData({ exportFile: { path, name: file.fileName, rows: file.rows } });
      // https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html (xlsx: yes; csv: no)
      await wx.openDocument({ filePath: path, fileType: 'xlsx', showMenu: true });
    } catch (err) {
      wx.showModal({ title: '导出失败', content: errorText(err, '导出失败，请重试'), showCancel: false, confirmText: '知道了' });
    }
    this.setData({ exporting: false });
  },

  async onShareExport() {
    const file = this.data.exportFile;
    if (!file) return;
    try {
      await shareFile(file.path, file.name);
    } catch (err) {
      wx.showToast({ title: errorText(err, '转发失败，请重试'), icon: 'none' });
    }
  },
});
