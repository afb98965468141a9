import type { UpcomingInspection, UserView } from '../../../../typings/models';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { assignObserver } from '../../../services/supervision/assign-observer';
import { listSupervisors } from '../../../services/supervision/list-supervisors';
import { listUpcomingInspections } from '../../../services/supervision/list-upcoming-inspections';
import { formatChinaTime } from '../../../utils/china-time';
import { errorText } from '../../../utils/format';
import { type ListData, emptyList } from '../../../utils/paged-list';
import { currentUser } from '../../../utils/session';

// Booked inspections in order of their time; a supervisor sends an observer 观察员 to one, chosen from the
// supervisors, or themselves (R17). The cases the caller observes open on the observer page.

interface UpcomingRow {
  id: string;
  version: number;
  companyName: string;
  line: string;
  when: string;
  observers: string;
  observerIds: string[];
  /** The caller is one of its observers. */
  observing: boolean;
}

const toRow = (u: UpcomingInspection, myOpenid: string): UpcomingRow => ({
  id: u.id,
  version: u.version,
  companyName: u.companyName,
  line: `${u.number} · ${u.matterName}${u.handlerName ? ` · 经办人 ${u.handlerName}` : ''}`,
  when: u.scheduledAt ? `踏勘时间 ${formatChinaTime(u.scheduledAt)}` : '踏勘时间待定',
  observers: u.observers.length ? `观察员：${u.observers.map((o) => o.name || o.openid).join('、')}` : '尚未指派观察员',
  observerIds: u.observers.map((o) => o.openid),
  observing: !!myOpenid && u.observers.some((o) => o.openid === myOpenid),
});

const fetchUpcoming = (offset: number, limit: number) => listUpcomingInspections({ offset, limit });

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<UpcomingRow>() as ListData<UpcomingRow>,
    myOpenid: '',
    /** The supervisors who may be sent, asked for when the first assignment opens. */
    supervisors: [] as UserView[],
    supervisorNames: [] as string[],
    supervisorsStatus: 'idle' as 'idle' | 'loading' | 'error' | 'ready',
    /** The case an observer is being chosen for, and whom. */
    assigningId: '',
    observerOpenid: '',
    observerLabel: '',
    observerError: '',
    busy: false,
  },

  async onLoad() {
    // Who the caller is decides which cases they observe; the list shows even if that is not known.
    const me = await currentUser().catch(() => null);
    if (me) this.setData({ myOpenid: me.openid });
    await asPagedList(this).reloadList();
  },

  listSource() {
    return { fetch: fetchUpcoming, map: (u: UpcomingInspection) => toRow(u, this.data.myOpenid), what: '待踏勘办件' };
  },

  onOpenCase(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/pages/case-detail/case-detail?id=${encodeURIComponent(e.currentTarget.dataset.id as string)}` });
  },

  onObserve(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/package-supervise/pages/observe/observe?id=${encodeURIComponent(e.currentTarget.dataset.id as string)}` });
  },

  onOpenAssign(e: WechatMiniprogram.TouchEvent) {
    this.setData({ assigningId: e.currentTarget.dataset.id as string, observerOpenid: '', observerLabel: '', observerError: '' });
    if (this.data.supervisorsStatus !== 'ready') this.loadSupervisors();
  },

  async loadSupervisors() {
    this.setData({ supervisorsStatus: 'loading' });
    try {
      const supervisors = await listSupervisors({});
      this.setData({ supervisors, supervisorNames: supervisors.map((u) => u.name), supervisorsStatus: 'ready' });
    } catch {
      this.setData({ supervisorsStatus: 'error' });
    }
  },

  onCancelAssign() {
    this.setData({ assigningId: '' });
  },

  onPickObserver(e: WechatMiniprogram.PickerChange) {
    const picked = this.data.supervisors[Number(e.detail.value)];
    if (picked) this.setData({ observerOpenid: picked.openid, observerLabel: picked.name, observerError: '' });
  },

  onAssignMe() {
    this.setData({ observerOpenid: this.data.myOpenid, observerLabel: '我本人', observerError: '' });
  },

  async onAssign() {
    if (this.data.busy) return;
    const row = this.data.list.items.find((r) => r.id === this.data.assigningId);
    if (!row) return;
    const { observerOpenid } = this.data;
    if (!observerOpenid) {
      this.setData({ observerError: '请选择观察员，或选择“指派我本人”' });
      return;
    }
    if (row.observerIds.includes(observerOpenid)) {
      this.setData({ observerError: '此人已是该办件的观察员' });
      return;
    }
    const who = observerOpenid === this.data.myOpenid ? '您本人' : this.data.observerLabel;
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
    await asPagedList(this).reloadList();
    this.setData({ busy: false });
  },
});
