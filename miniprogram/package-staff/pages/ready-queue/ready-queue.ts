import type { QueueEntry } from '../../../../typings/models';
import { pagedList } from '../../../behaviors/paged-list/paged-list';
import { getReadyQueue } from '../../../services/staff/get-ready-queue';
import { type CaseCard, toCaseCard } from '../../../utils/case-view';
import { type ListData, emptyList } from '../../../utils/paged-list';

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

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<QueueItem>() as ListData<QueueItem>,
  },

  listSource() {
    return { fetch: fetchQueue, map: toItem, what: '待预约队列' };
  },

  /**
   * Taking a later case first: the officer is told which earlier ones still wait, and writes the reason on the
   * offer page, where it is required (a WeChat modal that is editable puts its content into the input as text).
   */
  async onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
    const items = this.data.list.items;
    const index = items.findIndex((item) => item.card.id === e.detail.id);
    const ahead = items.slice(0, Math.max(index, 0)).filter((item) => item.waiting);
    if (ahead.length) {
      const numbers = ahead.slice(0, 3).map((item) => item.card.number).join('、');
      const res = await wx.showModal({
        title: '不按受理顺序安排',
        content: `更早受理的${numbers}${ahead.length > 3 ? `等${ahead.length}件` : ''}尚未安排时间。继续后请在下一页写明先安排此件的原因，原因将记入审计记录。`,
        confirmText: '继续',
        cancelText: '按顺序',
      });
      if (!res.confirm) return;
    }
    const query = `id=${encodeURIComponent(e.detail.id)}${ahead.length ? `&ahead=${ahead.length}` : ''}`;
    wx.navigateTo({ url: `/package-staff/pages/offer-slots/offer-slots?${query}` });
  },
});
