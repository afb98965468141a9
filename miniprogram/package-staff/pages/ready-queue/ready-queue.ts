import type { QueueEntry } from '../../../../typings/models';
import { getReadyQueue } from '../../../services/staff/get-ready-queue';
import { type CaseCard, toCaseCard } from '../../../utils/case-view';
import { errorText } from '../../../utils/format';
import { type ListData, emptyList, loadMore, reloadList } from '../../../utils/paged-list';

// The officer's ready cases in acceptance order (R11). Taking a case while an earlier one still waits for times
// needs a reason; the server checks the same rule and keeps the reason in the audit.

interface QueueItem {
  card: CaseCard;
  position: number;
  /** Waits for the officer to offer times (not for the applicant to pick). */
  waiting: boolean;
  waitText: string;
}

const toItem = (e: QueueEntry): QueueItem => ({
  card: toCaseCard(e),
  position: e.position,
  waiting: !e.slotsOffered,
  waitText: e.slotsOffered ? '已提供时段，等待申请人选择' : e.otherTimesRequest ? `申请人希望：${e.otherTimesRequest.note}` : '待提供踏勘时段',
});

const fetchQueue = (offset: number, limit: number) => getReadyQueue({ offset, limit });
const failText = (err: unknown) => errorText(err, '队列加载失败，请重试');

Page({
  data: {
    queue: emptyList<QueueItem>() as ListData<QueueItem>,
  },

  onLoad() {
    this.reload();
  },

  onShow() {
    // Back from offering times: the case no longer waits.
    if (this.data.queue.status === 'ready') this.reload();
  },

  reload() {
    return reloadList(this, 'queue', fetchQueue, toItem, failText);
  },

  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.onMore();
  },

  onMore() {
    return loadMore(this, 'queue', fetchQueue, toItem);
  },

  onRetry() {
    this.setData({ 'queue.status': 'loading' });
    this.reload();
  },

  async onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
    const items = this.data.queue.items;
    const index = items.findIndex((item) => item.card.id === e.detail.id);
    const ahead = items.slice(0, Math.max(index, 0)).filter((item) => item.waiting);
    let reason = '';
    if (ahead.length) {
      const numbers = ahead.slice(0, 3).map((item) => item.card.number).join('、');
      const res = await wx.showModal({
        title: '不按受理顺序安排',
        content: `更早受理的${numbers}${ahead.length > 3 ? `等${ahead.length}件` : ''}尚未安排时间。请填写先安排此件的原因，原因将记入审计记录。`,
        editable: true,
        placeholderText: '请填写原因',
        confirmText: '继续',
      });
      if (!res.confirm) return;
      reason = (res.content ?? '').trim();
      if (reason.length < 2) {
        wx.showToast({ title: '请填写不按顺序安排的原因', icon: 'none' });
        return;
      }
    }
    const query = `id=${encodeURIComponent(e.detail.id)}${reason ? `&reason=${encodeURIComponent(reason)}` : ''}`;
    wx.navigateTo({ url: `/package-staff/pages/offer-slots/offer-slots?${query}` });
  },
});
