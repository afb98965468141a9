import { asSingleLoad, singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';
import type { MeetingCard, ReadinessView, SubscribeTemplate } from '../../../typings/models';
import { getGroup } from '../../services/group/get-group';
import { bookSlot } from '../../services/schedule/book-slot';
import { requestOtherTimes } from '../../services/schedule/request-other-times';
import { rescheduleInspection } from '../../services/schedule/reschedule-inspection';
import { PROVISIONAL_DATE_NOTE, formatChinaSlot, slotText } from '../../utils/china-time';
import { errorCode, errorText } from '../../utils/format';
import { askToSubscribe, templatesFor } from '../../utils/subscribe';
import { pageParam } from '../../utils/page-query';

/** offers: pick one; waiting: no times yet; requested: asked for others; booked: the meeting; none: not at this stage. */
type Stage = 'offers' | 'waiting' | 'requested' | 'booked' | 'none';
type Panel = '' | 'other' | 'reschedule';

const PANELS = {
  other: { label: '您方便的时间', placeholder: '如：下周二、周三上午都可以', required: '请写明您方便的时间', button: '提交' },
  reschedule: { label: '改期原因', placeholder: '请写明改期的原因，经办人会看到', required: '请写明改期原因', button: '确认改期' },
};

function stageOf(r: ReadinessView): Stage {
  if (r.case.state === 'scheduled' && r.meeting) return 'booked';
  if (r.case.state !== 'ready') return 'none';
  if (r.scheduling.offeredSlots.length) return 'offers';
  return r.scheduling.otherTimesRequest ? 'requested' : 'waiting';
}

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('内容'),
    caseId: '',
    version: 0,
    stage: 'none' as Stage,
    stateLabel: '',
    modeName: '视频踏勘',
    onsite: false,
    visitText: '',
    slots: [] as Array<{ start: string; text: string }>,
    /** Said under the slots when a day among them is counted on the statutory holidays. */
    provisionalNote: '',
    picked: -1,
    pickError: '',
    requestNote: '',
    meeting: null as MeetingCard | null,
    canRequestOther: false,
    canReschedule: false,
    panel: '' as Panel,
    panelText: PANELS.other,
    text: '',
    textError: '',
    busy: false,
    justBooked: false,
    templates: [] as SubscribeTemplate[],
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ caseId: pageParam(query, 'id') });
    asSingleLoad(this).reload();
    this.prepareSubscribe();
  },

  async load() {
    return this.shown(await getGroup({ caseId: this.data.caseId }));
  },

  async prepareSubscribe() {
    this.setData({ templates: await templatesFor('afterBooking') });
  },

  /** The page's data for the case as the server shows it: loaded, or after an action; no slot picked, no panel open. */
  shown(r: ReadinessView) {
    return {
      version: r.case.version,
      stage: stageOf(r),
      stateLabel: r.case.stateLabel,
      modeName: r.case.mode === 'onsite' ? '现场踏勘' : '视频踏勘',
      onsite: r.case.mode === 'onsite',
      visitText: r.scheduling.booked ? formatChinaSlot(r.scheduling.booked.start, r.scheduling.booked.end) : '',
      slots: r.scheduling.offeredSlots.map((s) => ({ start: s.start, text: slotText(s) })),
      provisionalNote: r.scheduling.offeredSlots.some((s) => s.provisional) ? `标有“暂算”的时段：${PROVISIONAL_DATE_NOTE}` : '',
      picked: -1,
      pickError: '',
      requestNote: r.scheduling.otherTimesRequest?.note ?? '',
      meeting: r.meeting ?? null,
      canRequestOther: r.case.can.includes('requestOtherTimes'),
      canReschedule: r.case.can.includes('rescheduleInspection'),
      panel: '' as Panel,
    };
  },

  onPick(e: WechatMiniprogram.TouchEvent) {
    this.setData({ picked: Number(e.currentTarget.dataset.index), pickError: '' });
  },

  /** Sends a change; the server's refusal is shown, and a stale or changed case is loaded again. */
  async act(run: (ref: { caseId: string; version: number }) => Promise<ReadinessView>, done: string): Promise<boolean> {
    this.setData({ busy: true });
    try {
      this.setData(this.shown(await run({ caseId: this.data.caseId, version: this.data.version })));
      wx.showToast({ title: done, icon: 'success' });
      this.setData({ busy: false });
      return true;
    } catch (err) {
      wx.showModal({ title: '未能完成', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (['CONFLICT', 'INVALID_STATE', 'VALIDATION'].includes(errorCode(err) ?? '')) asSingleLoad(this).reload();
      this.setData({ busy: false });
      return false;
    }
  },

  async onBook() {
    const slot = this.data.slots[this.data.picked];
    if (!slot) {
      this.setData({ pickError: '请先选择一个时段' });
      return;
    }
    if (this.data.busy) return;
    const { confirm } = await wx.showModal({ title: '确认预约', content: `${this.data.modeName}时间：${slot.text}`, confirmText: '预约', cancelText: '再想想' });
    if (!confirm) return;
    if (await this.act((ref) => bookSlot({ ...ref, start: slot.start }), '预约成功')) this.setData({ justBooked: true });
  },

  /** WeChat's dialog opens only from the tap itself: askToSubscribe calls it before anything else. */
  async onSubscribe() {
    const accepted = await askToSubscribe(this.data.templates);
    this.setData({ justBooked: false });
    wx.showToast({ title: accepted.length ? '已开启踏勘提醒' : '未开启微信提醒', icon: 'none' });
  },

  onOpenPanel(e: WechatMiniprogram.TouchEvent) {
    const panel = e.currentTarget.dataset.panel as Exclude<Panel, ''>;
    this.setData({ panel, panelText: PANELS[panel], text: '', textError: '' });
  },

  onClosePanel() {
    this.setData({ panel: '' });
  },

  onTextInput(e: WechatMiniprogram.Input) {
    this.setData(this.data.textError ? { text: e.detail.value, textError: '' } : { text: e.detail.value });
  },

  async onSubmitPanel() {
    if (this.data.busy) return;
    const text = this.data.text.trim();
    if (text.length < 2) {
      this.setData({ textError: this.data.panelText.required });
      return;
    }
    if (this.data.panel === 'other') {
      await this.act((ref) => requestOtherTimes({ ...ref, note: text }), '已告知经办人');
      return;
    }
    const { confirm } = await wx.showModal({ title: '确认改期', content: `原定时间将取消，需要重新预约。原因：${text}`, confirmText: '改期', cancelText: '再想想' });
    if (confirm) await this.act((ref) => rescheduleInspection({ ...ref, reason: text }), '已申请改期');
  },
});
