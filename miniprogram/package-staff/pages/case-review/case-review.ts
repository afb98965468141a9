import type { CaseView, FileAccessView, PendingRecountView, UserView, WhoAmI } from '../../../../typings/models';
import { asCaseLoader, caseLoader, caseLoaderData } from '../../../behaviors/case-loader/case-loader';
import { getCase } from '../../../services/case/get-case';
import { listFileAccess } from '../../../services/case/list-file-access';
import { openFile } from '../../../services/file/open-file';
import { acceptCase } from '../../../services/staff/accept-case';
import { listSectionStaff } from '../../../services/staff/list-section-staff';
import { reassignCase } from '../../../services/staff/reassign-case';
import { openRegistrationReceipt } from '../../../services/staff/open-registration-receipt';
import { reissueClaimCode } from '../../../services/staff/reissue-claim-code';
import { settleRecountedDeadline } from '../../../services/staff/settle-recounted-deadline';
import { refuseCase } from '../../../services/staff/refuse-case';
import { returnCase } from '../../../services/staff/return-case';
import { type CaseStep, handlerSteps } from '../../../utils/case-steps';
import { formatChinaDate, formatChinaTime } from '../../../utils/china-time';
import { type CaseDetail, toCaseDetail } from '../../../utils/case-view';
import { errorCode, errorText } from '../../../utils/format';
import { currentUser, hasRole } from '../../../utils/session';
import { type AccessRow, toAccessRows } from '../../../utils/file-access';

type Panel = '' | 'return' | 'refuse' | 'reassign';

/** A deadline a newly entered holiday notice would move, as the card words it. */
interface RecountCard {
  kind: PendingRecountView['kind'];
  issued: string;
  title: string;
  text: string;
  keepText: string;
}

const toRecountCard = (p: PendingRecountView): RecountCard => ({
  kind: p.kind,
  issued: p.issued,
  title: `新日历下${p.kindLabel}将变为 ${formatChinaDate(p.wouldBe)}`,
  text: `已发出的${p.kindLabel}为 ${formatChinaDate(p.issued)}（按法定假日暂算）。${p.year}年节假日安排已录入，请决定是否采用新期限。`,
  keepText: `${p.kindLabel}保持 ${formatChinaDate(p.issued)} 不变。`,
});

/** What each decision asks for before it is sent. */
const PANELS = {
  return: { label: '需补正的内容', placeholder: '请逐项写明缺少或需修改的材料', required: '请写明需要补正的内容', button: '退回补正' },
  refuse: { label: '不予受理的理由', placeholder: '请写明理由及依据，申请人会看到', required: '请写明不予受理的理由', button: '不予受理' },
  reassign: { label: '改派原因', placeholder: '改派原因会记入审计记录', required: '请写明改派原因', button: '改派' },
};

Page({
  behaviors: [caseLoader],
  data: {
    ...caseLoaderData(),
    version: 0,
    /** Every link handed out for the case's files (R13); null when it could not be loaded. */
    access: null as AccessRow[] | null,
    view: null as CaseDetail | null,
    steps: [] as CaseStep[],
    recounts: [] as RecountCard[],
    /** The booked day became a holiday under a newly entered notice: the booked time, to reschedule. */
    holidayBooking: '',
    canAccept: false,
    canReturn: false,
    canRefuse: false,
    canReassign: false,
    canReissueClaim: false,
    canPrintReceipt: false,
    mayReassign: false,
    panel: '' as Panel,
    panelText: PANELS.return,
    text: '',
    textError: '',
    /** The case's section: whom a section head or an admin may reassign to. */
    sectionCode: '',
    staff: [] as UserView[],
    staffNames: [] as string[],
    staffIndex: -1,
    staffError: '',
    busy: false,
  },

  fetchCase() {
    return Promise.all([getCase({ caseId: this.data.caseId }), currentUser(), listFileAccess({ caseId: this.data.caseId }).catch(() => null)]);
  },

  showCase([c, me, access]: [CaseView, WhoAmI, FileAccessView[] | null]) {
    // Only a section head or an admin may reassign (R18); the server checks again.
    this.show(c, hasRole(me, 'sectionHead', 'admin'));
    this.setData({ access: access && toAccessRows(access) });
  },

  show(c: CaseView, mayReassign: boolean) {
    this.setData({
      version: c.version,
      sectionCode: c.sectionCode,
      view: toCaseDetail(c),
      steps: handlerSteps(c),
      recounts: (c.pendingRecounts ?? []).map(toRecountCard),
      holidayBooking: c.bookingOnHoliday ? formatChinaTime(c.bookingOnHoliday) : '',
      canAccept: c.can.includes('acceptCase'),
      canReissueClaim: c.can.includes('reissueClaimCode'),
      canPrintReceipt: c.can.includes('getRegistrationReceipt'),
      canReturn: c.can.includes('returnCase'),
      canRefuse: c.can.includes('refuseCase'),
      mayReassign,
      canReassign: mayReassign && c.can.includes('reassignCase'),
      panel: '',
    });
  },

  async onOpenMaterial(e: WechatMiniprogram.TouchEvent) {
    const { id, name } = e.currentTarget.dataset as { id: string; name: string };
    wx.showLoading({ title: '正在打开' });
    try {
      await openFile(this.data.caseId, id, name);
    } catch (err) {
      wx.showToast({ title: errorText(err, '无法打开此文件'), icon: 'none' });
    }
    wx.hideLoading();
  },

  onStep(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: e.currentTarget.dataset.url as string });
  },

  onOpenPanel(e: WechatMiniprogram.TouchEvent) {
    const panel = e.currentTarget.dataset.panel as Exclude<Panel, ''>;
    this.setData({ panel, panelText: PANELS[panel], text: '', textError: '', staffError: '' });
    if (panel === 'reassign' && !this.data.staff.length) this.loadStaff();
  },

  async loadStaff() {
    try {
      const handler = this.data.view?.facts.find((f) => f.label === '经办人')?.value;
      const staff = (await listSectionStaff({ sectionCode: this.data.sectionCode })).filter((u) => u.name !== handler);
      this.setData({ staff, staffNames: staff.map((u) => u.name) });
    } catch (err) {
      this.setData({ staffError: errorText(err, '人员名单加载失败') });
    }
  },

  onClosePanel() {
    this.setData({ panel: '' });
  },

  onTextInput(e: WechatMiniprogram.Input) {
    this.setData(this.data.textError ? { text: e.detail.value, textError: '' } : { text: e.detail.value });
  },

  onPickStaff(e: WechatMiniprogram.PickerChange) {
    this.setData({ staffIndex: Number(e.detail.value), staffError: '' });
  },

  async confirm(title: string, content: string, confirmText: string): Promise<boolean> {
    const res = await wx.showModal({ title, content, confirmText, cancelText: '取消' });
    return res.confirm;
  },

  /** Sends a decision; the server's refusal is shown, and a stale version reloads the case. */
  async act(run: (ref: { caseId: string; version: number }) => Promise<CaseView>, done: string) {
    this.setData({ busy: true });
    try {
      const c = await run({ caseId: this.data.caseId, version: this.data.version });
      this.show(c, this.data.mayReassign);
      wx.showToast({ title: done, icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能完成', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT') asCaseLoader(this).loadCase();
    }
    this.setData({ busy: false });
  },

  async onAccept() {
    if (this.data.busy) return;
    if (!(await this.confirm('确认受理', '受理后由您作为首办负责人办理此件直至办结。', '受理'))) return;
    await this.act((ref) => acceptCase(ref), '已受理');
  },

  /** A new claim code for a registered case nobody has claimed (lost, expired or locked); the old code stops working. */
  async onReissueClaim() {
    if (this.data.busy) return;
    if (!(await this.confirm('重新发放认领码', '原认领码将立即作废。新认领码只显示一次，请交给申请人或通过邮件发送。', '发放'))) return;
    this.setData({ busy: true });
    try {
      const ticket = await reissueClaimCode({ caseId: this.data.caseId, version: this.data.version });
      await asCaseLoader(this).loadCase();
      wx.showModal({
        title: '新认领码', content: `${ticket.code}\n有效期至 ${formatChinaTime(ticket.expiresAt)}，仅可使用一次。`,
        confirmText: '复制', cancelText: '关闭',
        success: (r) => r.confirm && wx.setClipboardData({ data: ticket.code }),
      });
    } catch (err) {
      wx.showModal({ title: '未能完成', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
    this.setData({ busy: false });
  },

  /** The receipt with the claim code in force (a re-issue makes a new one), to print for the applicant. */
  async onPrintReceipt() {
    if (this.data.busy) return;
    this.setData({ busy: true });
    wx.showLoading({ title: '正在打开' });
    try {
      await openRegistrationReceipt(this.data.caseId);
    } catch (err) {
      wx.showToast({ title: errorText(err, '回执打开失败，请重试'), icon: 'none' });
    }
    wx.hideLoading();
    this.setData({ busy: false });
  },

  /** Adopts the recounted deadline (the applicant is told) or keeps the issued one, after the handler confirms. */
  onRescheduleHolidayBooking() {
    wx.navigateTo({ url: `/package-staff/pages/meeting/meeting?id=${encodeURIComponent(this.data.caseId)}` });
  },

  async onSettleRecount(e: WechatMiniprogram.TouchEvent) {
    if (this.data.busy) return;
    const { index, adopt } = e.currentTarget.dataset as { index: number; adopt: boolean };
    const card = this.data.recounts[index];
    if (!card) return;
    const ok = adopt
      ? await this.confirm('采用新期限', `${card.title}。${card.kind === 'rectification' ? '申请人将收到新的整改期限。' : ''}`, '采用')
      : await this.confirm('保持原期限', card.keepText, '保持');
    if (!ok) return;
    await this.act((ref) => settleRecountedDeadline({ ...ref, deadline: card.kind, issued: card.issued, adopt }), adopt ? '已采用新期限' : '已保持原期限');
  },

  /** The text the open panel asks for, or null after showing what is missing. */
  requiredText(): string | null {
    const text = this.data.text.trim();
    if (text.length >= 2) return text;
    this.setData({ textError: this.data.panelText.required });
    return null;
  },

  async onSubmitPanel() {
    if (this.data.busy) return;
    const panel = this.data.panel;
    if (panel === 'reassign' && this.data.staffIndex < 0) {
      this.setData({ staffError: '请选择改派给谁' });
      return;
    }
    const text = this.requiredText();
    if (text === null) return;
    if (panel === 'return') {
      if (await this.confirm('确认退回补正', `申请人将收到：${text}`, '退回')) await this.act((ref) => returnCase({ ...ref, missing: text }), '已退回');
    } else if (panel === 'refuse') {
      if (await this.confirm('确认不予受理', `理由：${text}`, '不予受理')) await this.act((ref) => refuseCase({ ...ref, reason: text }), '已不予受理');
    } else if (panel === 'reassign') {
      const to = this.data.staff[this.data.staffIndex]!;
      if (await this.confirm('确认改派', `改派给 ${to.name}。原因：${text}`, '改派'))
        await this.act((ref) => reassignCase({ ...ref, toOpenid: to.openid, reason: text }), '已改派');
    }
  },
});
