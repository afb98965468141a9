import { asSingleLoad, singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';
import type { CaseFormView, FormKind, ReadinessView } from '../../../typings/models';
import { openDocument } from '../../services/file/open-document';
import { getCaseForms } from '../../services/forms/get-case-forms';
import { getSignedFormCopies } from '../../services/forms/get-signed-form-copies';
import { signForm } from '../../services/forms/sign-form';
import { uploadSignature } from '../../services/forms/upload-signature';
import { formatChinaTime } from '../../utils/china-time';
import { errorCode, errorText } from '../../utils/format';

/** One form as the page shows it. */
interface FormItem {
  kind: FormKind;
  name: string;
  version: number;
  title: string;
  paragraphs: string[];
  signedText: string;
}

const signedTextOf = (signedAt: string | undefined, version: number | undefined) =>
  signedAt ? `已于 ${formatChinaTime(signedAt)} 签署（第${version}版）` : '';

const toItem = (f: CaseFormView): FormItem => ({
  kind: f.kind,
  name: f.name,
  version: f.version,
  title: f.title,
  paragraphs: f.paragraphs,
  signedText: signedTextOf(f.signedAt, f.signedVersion),
});

/** The first form still to sign; -1 when both are signed. */
const nextToSign = (forms: FormItem[]) => forms.findIndex((f) => !f.signedText);

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('表单'),
    caseId: '',
    version: 0,
    forms: [] as FormItem[],
    current: -1,
    agreed: false,
    agreeError: '',
    busy: false,
    copies: [] as Array<{ name: string; copyLabel: string; url: string }>,
    copiesError: '',
  },

  /** All signed: the signed copies are fetched beside the forms. */
  async load() {
    const view = await getCaseForms({ caseId: this.data.caseId });
    const forms = view.forms.map(toItem);
    const current = nextToSign(forms);
    if (current < 0) this.loadCopies();
    return { version: view.caseVersion, forms, current, agreed: false, agreeError: '' };
  },

  onAgree() {
    this.setData({ agreed: !this.data.agreed, agreeError: '' });
  },

  /** The pad emits the PNG: upload it, sign the form it was drawn for, then go on to the next one. */
  async onSign(e: WechatMiniprogram.CustomEvent<{ tempFilePath: string }>) {
    const form = this.data.forms[this.data.current];
    if (!form || this.data.busy) return;
    if (!this.data.agreed) {
      this.setData({ agreeError: `请先阅读${form.name}，并勾选“我已阅读并同意”` });
      return;
    }
    this.setData({ busy: true });
    wx.showLoading({ title: '正在提交签名', mask: true });
    let readiness: ReadinessView;
    try {
      const signatureFileId = await uploadSignature(e.detail.tempFilePath);
      readiness = await signForm({ caseId: this.data.caseId, version: this.data.version, kind: form.kind, templateVersion: form.version, signatureFileId });
    } catch (err) {
      wx.hideLoading();
      this.setData({ busy: false });
      wx.showModal({ title: '签署未完成', content: errorText(err, '签署失败，请重试'), showCancel: false, confirmText: '知道了' });
      // A newer text or a changed case: read the forms again before signing.
      if (errorCode(err) === 'CONFLICT') asSingleLoad(this).reload();
      return;
    }
    wx.hideLoading();
    wx.showToast({ title: `${form.name}已签署`, icon: 'success' });
    const signed = readiness.forms.find((f) => f.kind === form.kind);
    const forms = this.data.forms.map((f, i) => (i === this.data.current ? { ...f, signedText: signedTextOf(signed?.signedAt, signed?.signedVersion) } : f));
    const current = nextToSign(forms);
    this.setData({ busy: false, version: readiness.case.version, forms, current, agreed: false });
    if (current < 0) {
      this.loadCopies();
      return;
    }
    this.selectComponent('#pad').reset();
    wx.pageScrollTo({ scrollTop: 0, duration: 200 });
  },

  async loadCopies() {
    try {
      const copies = await getSignedFormCopies({ caseId: this.data.caseId });
      this.setData({ copies: copies.map((c) => ({ name: c.name, copyLabel: c.copyLabel, url: c.url })), copiesError: '' });
    } catch (err) {
      this.setData({ copiesError: errorText(err, '签署件加载失败，轻触重试') });
    }
  },

  async onOpenCopy(e: WechatMiniprogram.TouchEvent) {
    const copy = this.data.copies[Number(e.currentTarget.dataset.index)];
    if (!copy) return;
    wx.showLoading({ title: '正在打开' });
    try {
      await openDocument(copy.url);
      wx.hideLoading();
    } catch (err) {
      wx.hideLoading();
      wx.showToast({ title: errorText(err, '无法打开此文件'), icon: 'none' });
    }
  },

  onGoGroup() {
    wx.redirectTo({ url: `/pages/group/group?id=${encodeURIComponent(this.data.caseId)}` });
  },
});
