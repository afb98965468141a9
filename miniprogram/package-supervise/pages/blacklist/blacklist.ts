import type { BlacklistEntryView, BlacklistStatus } from '../../../../typings/models';
import { liftBlacklisting } from '../../../services/supervision/lift-blacklisting';
import { listBlacklist } from '../../../services/supervision/list-blacklist';
import { formatChinaTime } from '../../../utils/china-time';
import { SUBJECT_LABELS, listingPeriod } from '../../../utils/credit-view';
import { errorCode, errorText } from '../../../utils/format';
import { type ListData, emptyList, loadMore, reloadList } from '../../../utils/paged-list';

// The blacklist 失信黑名单 and credit repair 信用修复: a supervisor lifts a listing in force, with the reason.

interface ListingRow {
  id: string;
  version: number;
  title: string;
  caseNumber: string;
  reason: string;
  period: string;
  status: BlacklistStatus;
  statusLabel: string;
  lifted: string;
}

const toRow = (e: BlacklistEntryView): ListingRow => ({
  id: e.id,
  version: e.version,
  title: `${e.subjectName}（${SUBJECT_LABELS[e.subjectType]}）`,
  caseNumber: e.caseNumber,
  reason: e.reason,
  period: listingPeriod(e),
  status: e.status,
  statusLabel: e.statusLabel,
  lifted: e.liftedAt ? `${formatChinaTime(e.liftedAt)} 信用修复：${e.liftReason ?? ''}` : '',
});

const failText = (err: unknown) => errorText(err, '失信黑名单加载失败，请重试');

Page({
  data: {
    listings: emptyList<ListingRow>() as ListData<ListingRow>,
    activeOnly: true,
    /** The listing whose credit repair is being written. */
    liftingId: '',
    liftReason: '',
    liftError: '',
    busy: false,
  },

  onLoad() {
    this.reload();
  },

  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.onMore();
  },

  fetcher() {
    const activeOnly = this.data.activeOnly;
    return (offset: number, limit: number) => listBlacklist({ offset, limit, activeOnly });
  },

  reload() {
    return reloadList(this, 'listings', this.fetcher(), toRow, failText);
  },

  onMore() {
    loadMore(this, 'listings', this.fetcher(), toRow);
  },

  onRetry() {
    this.setData({ 'listings.status': 'loading' });
    this.reload();
  },

  onFilter(e: WechatMiniprogram.TouchEvent) {
    const activeOnly = e.currentTarget.dataset.active === 'yes';
    if (activeOnly === this.data.activeOnly) return;
    this.setData({ activeOnly, liftingId: '', 'listings.status': 'loading' });
    this.reload();
  },

  onOpenLift(e: WechatMiniprogram.TouchEvent) {
    this.setData({ liftingId: e.currentTarget.dataset.id as string, liftReason: '', liftError: '' });
  },

  onCancelLift() {
    this.setData({ liftingId: '' });
  },

  onLiftReasonInput(e: WechatMiniprogram.Input) {
    this.setData(this.data.liftError ? { liftReason: e.detail.value, liftError: '' } : { liftReason: e.detail.value });
  },

  async onLift() {
    if (this.data.busy) return;
    const index = this.data.listings.items.findIndex((row) => row.id === this.data.liftingId);
    const row = this.data.listings.items[index];
    if (!row) return;
    const reason = this.data.liftReason.trim();
    if (reason.length < 2) {
      this.setData({ liftError: '请写明信用修复的理由（如已按期改正并提交证明）' });
      return;
    }
    const { confirm } = await wx.showModal({
      title: '确认信用修复',
      content: `将${row.title}移出失信黑名单，其可再次选择远程视频踏勘。理由：${reason}`,
      confirmText: '解除',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      const lifted = await liftBlacklisting({ entryId: row.id, version: row.version, reason });
      this.setData({ [`listings.items[${index}]`]: toRow(lifted), liftingId: '' });
      wx.showToast({ title: '已解除', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能解除', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT' || errorCode(err) === 'INVALID_STATE') this.reload();
    }
    this.setData({ busy: false });
  },
});
