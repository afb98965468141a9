import type { FailedDelivery } from '../../../../typings/models';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { dismissDelivery } from '../../../services/admin/dismiss-delivery';
import { retryDelivery } from '../../../services/admin/retry-delivery';
import { listFailedDeliveries } from '../../../services/inbox/list-failed-deliveries';
import { formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText } from '../../../utils/format';
import { type ListData, emptyList } from '../../../utils/paged-list';

// 通知投递失败: subscription messages WeChat finally refused, with its reason; the admin sends one again (after
// fixing a template id in 系统设置) or closes it with a note. The recipient's inbox keeps every message.

interface Row {
  id: string;
  title: string;
  recipient: string;
  reason: string;
  when: string;
}

/** What WeChat's codes mean to an admin; others show WeChat's own message. */
const REASONS: Record<number, string> = {
  40037: '模板编号无效，请在系统设置中核对',
  43101: '收件人未订阅或已拒收',
  47003: '消息内容不符合模板字段要求',
  41030: '跳转页面不在已发布的小程序中',
};

const toRow = (f: FailedDelivery): Row => ({
  id: f.id,
  title: f.title,
  recipient: f.recipientName,
  reason: `${REASONS[f.errorCode] ?? f.errorMessage}（错误码 ${f.errorCode}，已尝试 ${f.attempts} 次）`,
  when: formatChinaTime(f.failedAt),
});

const fetch = (offset: number, limit: number) => listFailedDeliveries({ offset, limit });

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<Row>() as ListData<Row>,
    /** The message being closed, and the note. */
    closingId: '',
    note: '',
    noteError: '',
    busy: false,
  },

  listSource() {
    return { fetch, map: toRow, what: '投递失败的消息' };
  },

  /** Takes a handled message off the list. */
  drop(id: string) {
    const items = this.data.list.items.filter((r) => r.id !== id);
    this.setData({ 'list.items': items, 'list.total': this.data.list.total - 1, closingId: '' });
  },

  async onSendAgain(e: WechatMiniprogram.TouchEvent) {
    const id = e.currentTarget.dataset.id as string;
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      await retryDelivery({ id });
      this.drop(id);
      wx.showToast({ title: '将在几分钟内重新发送', icon: 'none' });
    } catch (err) {
      wx.showModal({ title: '未能重新发送', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'INVALID_STATE' || errorCode(err) === 'CONFLICT') asPagedList(this).reloadList();
    }
    this.setData({ busy: false });
  },

  onOpenClose(e: WechatMiniprogram.TouchEvent) {
    this.setData({ closingId: e.currentTarget.dataset.id as string, note: '', noteError: '' });
  },

  onCancelClose() {
    this.setData({ closingId: '' });
  },

  onNoteInput(e: WechatMiniprogram.Input) {
    this.setData({ note: e.detail.value, noteError: '' });
  },

  async onClose() {
    const id = this.data.closingId;
    const note = this.data.note.trim();
    if (note.length < 2) {
      this.setData({ noteError: '请写明如何处理，如：已电话告知申请人' });
      return;
    }
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      await dismissDelivery({ id, note });
      this.drop(id);
    } catch (err) {
      this.setData({ noteError: errorText(err, '关闭失败，请重试') });
    }
    this.setData({ busy: false });
  },
});
