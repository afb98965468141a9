import { asSingleLoad, singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';
import type { InspectionMode } from '../../../typings/models';
import { applyForInspection } from '../../services/case/apply-for-inspection';
import { getMatter } from '../../services/matter/get-matter';
import { type ApplicationForm, type FormErrors, type FormField, emptyForm, fieldError, validateApplication } from '../../utils/application-form';
import { creditCodeError } from '../../utils/credit-code';
import { errorCode, errorText } from '../../utils/format';
import { type UploadItem, pickFiles, removeUpload, retryUpload, startUploads, uploadedFileIds, uploadsError } from '../../utils/material-uploads';
import { currentUser } from '../../utils/session';
import { pageParam } from '../../utils/page-query';

type TextField = 'companyName' | 'creditCode' | 'applicantName' | 'applicantPhone' | 'address';
const REMOTE_NOT_ALLOWED = '该事项暂不支持远程视频踏勘，只能选择现场踏勘。';
/** The draft lives on the phone until it is submitted. */
const draftKey = (code: string) => `apply.draft.${code}`;

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('事项'),
    matter: { code: '', name: '', sectionName: '', remoteAllowed: true },
    remoteNote: '',
    form: emptyForm() as ApplicationForm,
    errors: {} as FormErrors,
    materials: [] as UploadItem[],
    submitting: false,
    submitted: false,
    submitError: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ 'matter.code': pageParam(query, 'code') });
    asSingleLoad(this).reload();
  },

  onHide() {
    this.saveDraft();
  },

  onUnload() {
    this.saveDraft();
  },

  /** The matter, with the draft kept on this phone if there is one. */
  async load() {
    const matter = await getMatter({ code: this.data.matter.code });
    const draft = wx.getStorageSync(draftKey(matter.code)) as { form?: ApplicationForm; materials?: UploadItem[] } | '';
    const form: ApplicationForm = draft && draft.form ? draft.form : emptyForm();
    if (!matter.remoteAllowed) form.mode = 'onsite';
    else if (!form.mode) form.mode = 'remote';
    if (!form.applicantName) form.applicantName = await currentUser().then((me) => me.name, () => '');
    return {
      matter: { code: matter.code, name: matter.name, sectionName: matter.sectionName, remoteAllowed: matter.remoteAllowed },
      remoteNote: matter.remoteAllowed ? '' : REMOTE_NOT_ALLOWED,
      form,
      materials: draft && draft.materials ? draft.materials : [],
    };
  },

  saveDraft() {
    if (this.data.status !== 'ready' || this.data.submitting || this.data.submitted) return;
    const done = this.data.materials.filter((m) => m.status === 'done');
    wx.setStorageSync(draftKey(this.data.matter.code), { form: this.data.form, materials: done });
  },

  /** Typing in a text field: keeps the value, clears the field's error; the credit code is checked as it is typed. */
  onInput(e: WechatMiniprogram.Input) {
    const field = e.currentTarget.dataset.field as TextField;
    const value = field === 'creditCode' ? e.detail.value.toUpperCase().replace(/\s/g, '') : e.detail.value;
    const errorKey: FormField = field === 'address' ? 'premises' : field;
    const patch: Record<string, unknown> = { [`form.${field}`]: value };
    if (field === 'creditCode') {
      const error = creditCodeError(value, true);
      if (error !== (this.data.errors.creditCode ?? '')) patch['errors.creditCode'] = error;
    } else if (this.data.errors[errorKey]) {
      patch[`errors.${errorKey}`] = '';
    }
    this.setData(patch);
  },

  /** Leaving a field: says what is wrong with it now rather than at submit. */
  onBlur(e: WechatMiniprogram.InputBlur) {
    const field = e.currentTarget.dataset.field as TextField;
    const errorKey = field === 'address' ? 'premises' : field;
    if (!this.data.form[field]) return; // an empty field is reported at submit
    const error = fieldError(errorKey, this.data.form, this.data.matter.remoteAllowed);
    if (error !== (this.data.errors[errorKey] ?? '')) this.setData({ [`errors.${errorKey}`]: error });
  },

  onChooseLocation() {
    const { located, latitude, longitude } = this.data.form;
    // https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.chooseLocation.html
    wx.chooseLocation({
      ...(located ? { latitude, longitude } : {}),
      success: (res) => {
        const address = res.name && !res.address.includes(res.name) ? `${res.address}${res.name}` : res.address || res.name;
        this.setData({
          'form.address': address,
          'form.latitude': res.latitude,
          'form.longitude': res.longitude,
          'form.located': true,
          'errors.premises': '',
        });
      },
      fail: (err) => {
        if (/cancel/.test(err.errMsg)) return;
        if (/auth|deny|permission/.test(err.errMsg)) {
          wx.showModal({
            title: '需要使用位置',
            content: '选择经营场所需要使用您的位置信息，请在设置中允许后重试。',
            confirmText: '去设置',
            success: (r) => r.confirm && wx.openSetting({}),
          });
        } else {
          wx.showToast({ title: '无法打开地图，请稍后重试', icon: 'none' });
        }
      },
    });
  },

  onChooseMode(e: WechatMiniprogram.TouchEvent) {
    const mode = e.currentTarget.dataset.mode as InspectionMode;
    if (mode === 'remote' && !this.data.matter.remoteAllowed) {
      wx.showToast({ title: '该事项暂不支持远程视频踏勘', icon: 'none' });
      return;
    }
    if (mode !== this.data.form.mode) this.setData({ 'form.mode': mode, 'errors.mode': '' });
  },

  async onAddMaterial() {
    const files = await pickFiles();
    if (this.data.errors.materials) this.setData({ 'errors.materials': '' });
    await startUploads(this, 'materials', files);
  },

  onRemoveMaterial(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    removeUpload(this, 'materials', e.detail.key);
  },

  onRetryMaterial(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    retryUpload(this, 'materials', e.detail.key);
  },

  async onSubmit() {
    if (this.data.submitting) return;
    const { form, matter, materials } = this.data;
    const errors = validateApplication(form, matter.remoteAllowed, uploadsError(materials));
    if (Object.keys(errors).length) {
      this.setData({ errors, submitError: '' });
      wx.showToast({ title: '请按提示修改标红的内容', icon: 'none' });
      wx.pageScrollTo({ selector: `#row-${Object.keys(errors)[0]}`, duration: 200 });
      return;
    }
    this.setData({ submitting: true, submitError: '' });
    try {
      const created = await applyForInspection({
        matterCode: matter.code,
        mode: form.mode as InspectionMode,
        company: { name: form.companyName.trim(), creditCode: form.creditCode },
        applicantName: form.applicantName.trim(),
        applicantPhone: form.applicantPhone.trim(),
        premises: { address: form.address.trim(), latitude: form.latitude, longitude: form.longitude },
        materialFileIds: uploadedFileIds(materials),
      });
      wx.removeStorageSync(draftKey(matter.code));
      this.setData({ submitting: false, submitted: true });
      wx.showToast({ title: '已提交', icon: 'success' });
      wx.redirectTo({ url: `/pages/case-detail/case-detail?id=${encodeURIComponent(created.id)}` });
    } catch (err) {
      const message = errorText(err, '提交失败，请稍后重试');
      const code = errorCode(err);
      const patch: Record<string, unknown> = { submitting: false, submitError: message };
      // The server's reason for refusing remote inspection (matter or blacklist) belongs beside the choice.
      if (code === 'REMOTE_NOT_ALLOWED' || code === 'BLACKLISTED') patch['errors.mode'] = message;
      this.setData(patch);
      wx.pageScrollTo({ scrollTop: 0, duration: 200 });
    }
  },
});
