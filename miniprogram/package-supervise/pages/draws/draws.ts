import type { DrawSummary } from '../../../../typings/models';
import { listDraws } from '../../../services/supervision/list-draws';
import { formatChinaTime } from '../../../utils/china-time';
import { errorText } from '../../../utils/format';
import { type ListData, emptyList, loadMore, reloadList } from '../../../utils/paged-list';
import { chinaMonth, monthLabel } from '../../utils/months';
import { basisPointsText } from '../../../utils/basis-points';

interface DrawRow {
  month: string;
  title: string;
  counts: string;
  detail: string;
}

const TRIGGER_LABELS: Record<DrawSummary['trigger'], string> = { timer: '每月定时抽取', supervisor: '人工补抽' };

const toRow = (d: DrawSummary): DrawRow => ({
  month: d.month,
  title: monthLabel(d.month),
  counts: `总体 ${d.populationSize} 件，抽中 ${d.selectedCount} 件（比例不低于 ${basisPointsText(d.shareBasisPoints)}）`,
  detail: `${TRIGGER_LABELS[d.trigger]} · ${formatChinaTime(d.drawnAt)}`,
});

const fetchDraws = (offset: number, limit: number) => listDraws({ offset, limit });
const failText = (err: unknown) => errorText(err, '抽查记录加载失败，请重试');

Page({
  data: {
    draws: emptyList<DrawRow>() as ListData<DrawRow>,
    /** The month to open: last month by default, the latest that can be drawn. */
    month: '',
    monthText: '',
    latest: '',
  },

  onLoad() {
    const latest = chinaMonth(-1);
    this.setData({ month: latest, monthText: monthLabel(latest), latest });
    this.reload();
  },

  onShow() {
    // Back from a month drawn by hand: the list has it now.
    if (this.data.draws.status === 'ready') this.reload();
  },

  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.onMore();
  },

  reload() {
    return reloadList(this, 'draws', fetchDraws, toRow, failText);
  },

  onRetry() {
    this.setData({ 'draws.status': 'loading' });
    this.reload();
  },

  onMore() {
    loadMore(this, 'draws', fetchDraws, toRow);
  },

  onPickMonth(e: WechatMiniprogram.PickerChange) {
    const month = String(e.detail.value);
    this.setData({ month, monthText: monthLabel(month) });
  },

  onOpenMonth() {
    wx.navigateTo({ url: `/package-supervise/pages/draw/draw?month=${this.data.month}` });
  },

  onOpen(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/package-supervise/pages/draw/draw?month=${e.currentTarget.dataset.month as string}` });
  },
});
