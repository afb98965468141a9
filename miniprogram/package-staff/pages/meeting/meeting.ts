import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';
import type { MeetingCard, ReadinessView } from '../../../../typings/models';
import { getGroup } from '../../../services/group/get-group';
import { rescheduleInspection } from '../../../services/schedule/reschedule-inspection';
import { createMeeting } from '../../../services/staff/create-meeting';
import { recordNoShow } from '../../../services/staff/record-no-show';
import { setMeetingManually } from '../../../services/staff/set-meeting-manually';
import { errorCode, errorText } from '../../../utils/format';

// The handler's side of a booked inspection: the meeting (created through Tencent Meeting, or pasted), a no-show,
// or a reschedule with a reason. Each one is the server's to allow (`can`).

type Panel = '' | 'paste' | 'noShow' | 'reschedule';

const PANELS = {
  paste: {
    label: '会议号、入会链接或邀请信息', placeholder: '在腾讯会议中预定会议后，复制邀请信息粘贴到这里', required: '请粘贴会议号或邀请信息',
    button: '保存会议信息', minLength: 1, maxLength: 2000,
  },
  noShow: { label: '说明（选填）', placeholder: '如：多次电话未接通', required: '', button: '记录未参加', minLength: 0, maxLength: 300 },
  reschedule: {
    label: '改期原因', placeholder: '改期原因会告知申请人并记入审计记录', required: '请写明改期原因', button: '确认改期', minLength: 2, maxLength: 500,
  },
};

/** What each panel sends, and how the server's answer is announced. */
const SENDS = {
  paste: { confirm: null, done: '会议已保存', run: (ref: Ref, text: string) => setMeetingManually({ ...ref, pasted: text }) },
  noShow: {
    confirm: { title: '确认申请人未参加？', content: '记录后办件回到待预约队列，未参加次数加一，并通知申请人。' },
    done: '已记录',
    run: (ref: Ref, text: string) => recordNoShow({ ...ref, ...(text ? { note: text } : {}) }),
  },
  reschedule: {
    confirm: { title: '确认改期？', content: '原定时间将取消，办件回到待预约队列，并通知申请人。' },
    done: '已改期',
    run: (ref: Ref, text: string) => rescheduleInspection({ ...ref, reason: text }),
  },
};

interface Ref {
  caseId: string;
  version: number;
}

/** The page's data for the case as the server shows it: loaded, or after an action; no panel open. */
function shown(r: ReadinessView) {
  const can = r.case.can;
  return {
    version: r.case.version,
    companyName: r.case.companyName,
    stateLabel: r.case.stateLabel,
    scheduled: r.case.state === 'scheduled',
    meeting: r.meeting ?? null,
    counts: `已改期 ${r.scheduling.reschedules} 次 · 未按约参加 ${r.scheduling.noShows} 次`,
    canPaste: can.includes('setMeetingManually'),
    canCreate: can.includes('createMeeting') && !r.meeting?.meetingCode,
    canNoShow: can.includes('recordNoShow'),
    canReschedule: can.includes('rescheduleInspection'),
    panel: '' as Panel,
  };
}

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('办件'),
    caseId: '',
    version: 0,
    companyName: '',
    stateLabel: '',
    scheduled: false,
    meeting: null as MeetingCard | null,
    counts: '',
    canPaste: false,
    canCreate: false,
    canNoShow: false,
    canReschedule: false,
    panel: '' as Panel,
    panelText: PANELS.paste,
    text: '',
    textError: '',
    busy: false,
  },

  async load() {
    return shown(await getGroup({ caseId: this.data.caseId }));
  },

  async act(run: (ref: Ref) => Promise<ReadinessView>, done: string) {
    this.setData({ busy: true });
    try {
      this.setData(shown(await run({ caseId: this.data.caseId, version: this.data.version })));
      wx.showToast({ title: done, icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能完成', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },

  async onCreate() {
    if (!this.data.busy) await this.act((ref) => createMeeting(ref), '会议已创建');
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
    const panel = this.data.panel;
    if (!panel || this.data.busy) return;
    const text = this.data.text.trim();
    if (text.length < PANELS[panel].minLength) {
      this.setData({ textError: PANELS[panel].required });
      return;
    }
    const send = SENDS[panel];
    if (send.confirm) {
      const { confirm } = await wx.showModal({ ...send.confirm, confirmText: '确认', cancelText: '再想想' });
      if (!confirm) return;
    }
    await this.act((ref) => send.run(ref, text), send.done);
  },
});
