import { refusal, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';
import type { ClaimTicket } from '../../../../typings/api';
import type { InspectionMode, MatterSummary } from '../../../../typings/models';
import { listMatters } from '../../../services/matter/list-matters';
import { openRegistrationReceipt } from '../../../services/staff/open-registration-receipt';
import { registerCase } from '../../../services/staff/register-case';
import { type ApplicationForm, type FormErrors, emptyForm, validateApplication } from '../../../utils/application-form';
import { chinaDateAfter, formatChinaTime } from '../../../utils/china-time';
import { creditCodeError } from '../../../utils/credit-code';
import { MODE_LABELS, errorText } from '../../../utils/format';
import { type UploadItem, pickFiles, removeUpload, retryUpload, startUploads, uploadedFileIds, uploadsError } from '../../../utils/material-uploads';
import { currentUser, isStaff } from '../../../utils/session';

type Channel = 'counter' | 'email';
type TextField = 'companyName' | 'creditCode' | 'applicantName' | 'applicantPhone' | 'address' | 'emailFrom' | 'emailSubject' | 'applicantEmail';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Receipt {
  number: string;
  caseId: string;
  matterName: string;
  companyName: string;
  creditCode: string;
  applicantName: string;
  modeLabel: string;
  channelLabel: string;
  receivedText: string;
  registeredBy: string;
  materials: string[];
  claim: ClaimTicket & { expiresText: string };
}

/** China wall-clock date and time as an instant. */
const chinaInstant = (date: string, time: string): string => new Date(`${date}T${time}:00+08:00`).toISOString();
const nowHm = (): string => formatChinaTime(new Date().toISOString()).slice(11, 16);

/** An empty form, received now, for the next registration. */
function blank() {
  const today = chinaDateAfter(0);
  return {
    matterIndex: -1, channel: 'counter' as Channel, receivedDate: today, receivedTime: nowHm(), today,
    form: { ...emptyForm(), mode: 'remote' as InspectionMode }, email: { emailFrom: '', emailSubject: '', applicantEmail: '' },
    errors: {} as FormErrors, materials: [] as UploadItem[], submitting: false, submitError: '', receipt: null as Receipt | null, printing: false,
  };
}

/**
 * 窗口 / 邮件登记 (R9): an officer registers an application brought to the counter or received by e-mail, with the
 * materials they scanned, under the app's validation rules; the receipt carries the claim code the applicant uses
 * in WeChat. The officer never names the applicant's WeChat account.
 */
Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('事项'),
    matters: [] as MatterSummary[],
    matterIndex: -1,
    channel: 'counter' as Channel,
    receivedDate: '',
    receivedTime: '',
    today: '',
    form: emptyForm() as ApplicationForm,
    email: { emailFrom: '', emailSubject: '', applicantEmail: '' },
    errors: {} as FormErrors & Partial<Record<'matter' | 'received' | 'emailFrom' | 'emailSubject' | 'applicantEmail', string>>,
    materials: [] as UploadItem[],
    submitting: false,
    submitError: '',
    receipt: null as Receipt | null,
    printing: false,
  },

  async load() {
    const me = await currentUser();
    if (!isStaff(me)) throw refusal('窗口/邮件登记仅供审批工作人员使用');
    const matters = (await listMatters({})).filter((m) => m.sectionCode === me.sectionCode);
    return { matters, ...blank() };
  },

  onPickMatter(e: WechatMiniprogram.PickerChange) {
    const matterIndex = Number(e.detail.value);
    const matter = this.data.matters[matterIndex];
    const patch: Record<string, unknown> = { matterIndex, 'errors.matter': '' };
    if (matter && !matter.remoteAllowed) patch['form.mode'] = 'onsite';
    this.setData(patch);
  },

  onChannel(e: WechatMiniprogram.TouchEvent) {
    this.setData({ channel: e.currentTarget.dataset.channel as Channel });
  },

  onPickDate(e: WechatMiniprogram.PickerChange) {
    this.setData({ receivedDate: String(e.detail.value), 'errors.received': '' });
  },

  onPickTime(e: WechatMiniprogram.PickerChange) {
    this.setData({ receivedTime: String(e.detail.value), 'errors.received': '' });
  },

  onInput(e: WechatMiniprogram.Input) {
    const field = e.currentTarget.dataset.field as TextField;
    if (field === 'emailFrom' || field === 'emailSubject' || field === 'applicantEmail') {
      this.setData({ [`email.${field}`]: e.detail.value, [`errors.${field}`]: '' });
      return;
    }
    const value = field === 'creditCode' ? e.detail.value.toUpperCase().replace(/\s/g, '') : e.detail.value;
    const errorKey = field === 'address' ? 'premises' : field;
    this.setData({ [`form.${field}`]: value, [`errors.${errorKey}`]: field === 'creditCode' ? creditCodeError(value, true) : '' });
  },

  onChooseLocation() {
    wx.chooseLocation({
      success: (res) => this.setData({
        'form.address': res.address || res.name, 'form.latitude': res.latitude, 'form.longitude': res.longitude,
        'form.located': true, 'errors.premises': '',
      }),
      fail: (err) => {
        if (!/cancel/.test(err.errMsg)) wx.showToast({ title: '无法打开地图，请稍后重试', icon: 'none' });
      },
    });
  },

  onChooseMode(e: WechatMiniprogram.TouchEvent) {
    const mode = e.currentTarget.dataset.mode as InspectionMode;
    const matter = this.data.matters[this.data.matterIndex];
    if (mode === 'remote' && matter && !matter.remoteAllowed) {
      wx.showToast({ title: '该事项暂不支持远程视频踏勘', icon: 'none' });
      return;
    }
    this.setData({ 'form.mode': mode, 'errors.mode': '' });
  },

  async onAddMaterial() {
    const files = await pickFiles();
    this.setData({ 'errors.materials': '' });
    await startUploads(this, 'materials', files);
  },

  onRemoveMaterial(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    removeUpload(this, 'materials', e.detail.key);
  },

  onRetryMaterial(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    retryUpload(this, 'materials', e.detail.key);
  },

  /** The app's own checks, plus what a counter or e-mail registration adds. */
  validate(): Record<string, string> {
    const { form, materials, matters, matterIndex, channel, email, receivedDate, receivedTime } = this.data;
    const matter = matters[matterIndex];
    const errors: Record<string, string> = { ...validateApplication(form, matter ? matter.remoteAllowed : true, uploadsError(materials)) };
    if (!matter) errors.matter = '请选择事项';
    if (!receivedDate || !receivedTime) errors.received = '请填写收件时间';
    else if (Date.parse(chinaInstant(receivedDate, receivedTime)) > Date.now() + 5 * 60_000) errors.received = '收件时间不能晚于现在';
    if (channel === 'email') {
      if (!EMAIL.test(email.emailFrom.trim())) errors.emailFrom = '请填写发件人的电子邮箱地址';
      if (!email.emailSubject.trim()) errors.emailSubject = '请填写邮件主题';
    }
    if (email.applicantEmail.trim() && !EMAIL.test(email.applicantEmail.trim())) errors.applicantEmail = '请填写正确的电子邮箱地址';
    return errors;
  },

  async onSubmit() {
    if (this.data.submitting) return;
    const errors = this.validate();
    if (Object.keys(errors).length) {
      this.setData({ errors, submitError: '' });
      wx.showToast({ title: '请按提示修改标红的内容', icon: 'none' });
      return;
    }
    const { form, materials, matters, matterIndex, channel, email, receivedDate, receivedTime } = this.data;
    this.setData({ submitting: true, submitError: '' });
    try {
      const r = await registerCase({
        matterCode: matters[matterIndex]!.code,
        mode: form.mode as InspectionMode,
        company: { name: form.companyName.trim(), creditCode: form.creditCode },
        applicantName: form.applicantName.trim(),
        applicantPhone: form.applicantPhone.trim(),
        premises: { address: form.address.trim(), latitude: form.latitude, longitude: form.longitude },
        channel,
        receivedAt: chinaInstant(receivedDate, receivedTime),
        ...(channel === 'email' ? { email: { from: email.emailFrom.trim(), subject: email.emailSubject.trim() } } : {}),
        ...(email.applicantEmail.trim() ? { applicantEmail: email.applicantEmail.trim() } : {}),
        materialFileIds: uploadedFileIds(materials),
      });
      const receipt: Receipt = {
        number: r.case.number, caseId: r.case.id, matterName: r.case.matterName, companyName: r.case.company.name,
        creditCode: r.case.company.creditCode, applicantName: r.case.applicantName, modeLabel: MODE_LABELS[r.case.mode],
        channelLabel: r.case.intake?.channelLabel ?? '', receivedText: formatChinaTime(r.receivedAt),
        registeredBy: r.case.intake?.registeredByName ?? '', materials: r.case.materials.map((m) => m.name),
        claim: { ...r.claim, expiresText: formatChinaTime(r.claim.expiresAt) },
      };
      this.setData({ receipt, submitting: false });
      wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    } catch (err) {
      this.setData({ submitting: false, submitError: errorText(err, '登记失败，请稍后重试') });
      wx.pageScrollTo({ scrollTop: 0, duration: 200 });
    }
  },

  /** For an e-mail reply: the claim code and how to use it, ready to paste. */
  onCopyClaim() {
    const r = this.data.receipt;
    if (!r) return;
    wx.setClipboardData({
      data: `您的申请（${r.matterName}，办件编号 ${r.number}）已登记。请在微信中打开「远程视频踏勘」小程序，进入「我的 → 认领办件」，`
        + `输入认领码 ${r.claim.code}，并核对统一社会信用代码和登记手机号后四位。认领码 ${r.claim.expiresText} 前有效，仅可使用一次。`,
    });
  },

  /** The receipt as a PDF (made by the server with the claim code), opened in WeChat's reader to print or forward. */
  async onPrintReceipt() {
    const r = this.data.receipt;
    if (!r || this.data.printing) return;
    this.setData({ printing: true });
    wx.showLoading({ title: '正在打开' });
    try {
      await openRegistrationReceipt(r.caseId);
    } catch (err) {
      wx.showToast({ title: errorText(err, '回执打开失败，请重试'), icon: 'none' });
    }
    wx.hideLoading();
    this.setData({ printing: false });
  },

  onOpenCase() {
    const r = this.data.receipt;
    if (r) wx.redirectTo({ url: `/package-staff/pages/case-review/case-review?id=${encodeURIComponent(r.caseId)}` });
  },

  onAnother() {
    this.setData(blank());
  },
});
