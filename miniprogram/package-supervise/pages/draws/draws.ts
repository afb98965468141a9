import type { DrawSummary } from '../../../../typings/models';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { listDraws } from '../../../services/supervision/list-draws';
import { formatChinaTime } from '../../../utils/china-time';
import { type ListData, emptyList } from '../../../utils/paged-list';
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

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<DrawRow>() as ListData<DrawRow>,
    /** The month to open: last month by default, the latest that can be drawn. */
    month: '',
    monthText: '',
    latest: '',
  },

  listSource() {
    return { fetch: fetchDraws, map: toRow, what: '抽查记录' };
  },

  onLoad() {
    const latest = chinaMonth(-1);
    this.setData({ month: latest, monthText: monthLabel(latest), latest });
    asPagedList(this).reloadList();
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
