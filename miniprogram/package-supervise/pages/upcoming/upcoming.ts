import type { UpcomingInspection } from '../../../../typings/models';
import { assignObserver } from '../../../services/supervision/assign-observer';
import { listUpcomingInspections } from '../../../services/supervision/list-upcoming-inspections';
import { formatChinaTime } from '../../../utils/china-time';
import { errorText } from '../../../utils/format';
import { type ListData, emptyList, loadMore, reloadList } from '../../../utils/paged-list';
import { currentUser } from '../../../utils/session';

// Booked inspections in order of their time; a supervisor sends an observer 观察员 to one (R17). No action lists the
// supervisors yet (reported to the lead): the observer is named by OPENID, or is the supervisor themselves.

interface UpcomingRow {
  id: string;
  version: number;
  companyName: string;
  line: string;
  when: string;
  observers: string;
  observerIds: string[];
}

const toRow = (u: UpcomingInspection): UpcomingRow => ({
  id: u.id,
  version: u.version,
  companyName: u.companyName,
  line: `${u.number} · ${u.matterName}${u.handlerName ? ` · 经办人 ${u.handlerName}` : ''}`,
  when: u.scheduledAt ? `踏勘时间 ${formatChinaTime(u.scheduledAt)}` : '踏勘时间待定',
  observers: u.observers.length ? `观察员：${u.observers.map((o) => o.name || o.openid).join('、')}` : '尚未指派观察员',
  observerIds: u.observers.map((o) => o.openid),
});

const fetchUpcoming = (offset: number, limit: number) => listUpcomingInspections({ offset, limit });
const failText = (err: unknown) => errorText(err, '待踏勘办件加载失败，请重试');

Page({
  data: {
    upcoming: emptyList<UpcomingRow>() as ListData<UpcomingRow>,
    myOpenid: '',
    /** The case an observer is being chosen for. */
    assigningId: '',
    observerOpenid: '',
    observerError: '',
    busy: false,
  },

  onLoad() {
    this.reload();
    currentUser()
      .then((me) => this.setData({ myOpenid: me.openid }))
      .catch(() => undefined);
  },

  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.onMore();
  },

  reload() {
    return reloadList(this, 'upcoming', fetchUpcoming, toRow, failText);
  },

  onMore() {
    loadMore(this, 'upcoming', fetchUpcoming, toRow);
  },

  onRetry() {
    this.setData({ 'upcoming.status': 'loading' });
    this.reload();
  },

  onOpenCase(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/pages/case-detail/case-detail?id=${encodeURIComponent(e.currentTarget.dataset.id as string)}` });
  },

  onOpenAssign(e: WechatMiniprogram.TouchEvent) {
    this.setData({ assigningId: e.currentTarget.dataset.id as string, observerOpenid: '', observerError: '' });
  },

  onCancelAssign() {
    this.setData({ assigningId: '' });
  },

  onObserverInput(e: WechatMiniprogram.Input) {
    this.setData({ observerOpenid: e.detail.value, observerError: '' });
  },

  onAssignMe() {
    this.setData({ observerOpenid: this.data.myOpenid, observerError: '' });
  },

  async onAssign() {
    if (this.data.busy) return;
    const row = this.data.upcoming.items.find((r) => r.id === this.data.assigningId);
    if (!row) return;
    const observerOpenid = this.data.observerOpenid.trim();
    if (!observerOpenid) {
      this.setData({ observerError: '请填写观察员的用户标识（OPENID），或选择“指派我本人”' });
      return;
    }
    if (row.observerIds.includes(observerOpenid)) {
      this.setData({ observerError: '此人已是该办件的观察员' });
      return;
    }
    const who = observerOpenid === this.data.myOpenid ? '您本人' : observerOpenid;
    const { confirm } = await wx.showModal({
      title: '确认指派观察员',
      content: `指派${who}为 ${row.companyName} 踏勘的观察员。观察员将收到通知，可查看会议信息并加入会议。`,
      confirmText: '指派',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      await assignObserver({ caseId: row.id, version: row.version, observerOpenid });
      this.setData({ assigningId: '' });
      wx.showToast({ title: '已指派', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能指派', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
    // The observers and the case's version come with the list.
    await this.reload();
    this.setData({ busy: false });
  },
});
