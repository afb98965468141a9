import type { BlacklistEntryView, BlacklistStatus } from '../../../../typings/models';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { liftBlacklisting } from '../../../services/supervision/lift-blacklisting';
import { listBlacklist } from '../../../services/supervision/list-blacklist';
import { formatChinaTime } from '../../../utils/china-time';
import { SUBJECT_LABELS, listingPeriod } from '../../../utils/credit-view';
import { errorCode, errorText } from '../../../utils/format';
import { type ListData, emptyList } from '../../../utils/paged-list';

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

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<ListingRow>() as ListData<ListingRow>,
    activeOnly: true,
    /** The listing whose credit repair is being written. */
    liftingId: '',
    liftReason: '',
    liftError: '',
    busy: false,
  },

  listSource() {
    return { fetch: this.fetcher(), map: toRow, what: '失信黑名单' };
  },

  fetcher() {
    const activeOnly = this.data.activeOnly;
    return (offset: number, limit: number) => listBlacklist({ offset, limit, activeOnly });
  },

  onFilter(e: WechatMiniprogram.TouchEvent) {
    const activeOnly = e.currentTarget.dataset.active === 'yes';
    if (activeOnly === this.data.activeOnly) return;
    this.setData({ activeOnly, liftingId: '', 'list.status': 'loading' });
    asPagedList(this).reloadList();
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
    const index = this.data.list.items.findIndex((row) => row.id === this.data.liftingId);
    const row = this.data.list.items[index];
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
      this.setData({ [`list.items[${index}]`]: toRow(lifted), liftingId: '' });
      wx.showToast({ title: '已解除', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能解除', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT' || errorCode(err) === 'INVALID_STATE') asPagedList(this).reloadList();
    }
    this.setData({ busy: false });
  },
});
