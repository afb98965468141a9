import type { CaseFormView } from '../../../../typings/models';
import { openDocument } from '../../../services/file/open-document';
import { getCaseForms } from '../../../services/forms/get-case-forms';
import { getSignedFormCopies } from '../../../services/forms/get-signed-form-copies';
import { uploadSignature } from '../../../services/forms/upload-signature';
import { countersignConsent } from '../../../services/staff/countersign-consent';
import { formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText } from '../../../utils/format';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// The handler countersigns the office's copy of the consent form (一式两份), on the version the applicant signed.

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('同意书'),
    caseId: '',
    version: 0,
    form: null as CaseFormView | null,
    signedText: '',
    countersignedText: '',
    busy: false,
  },

  async load() {
    const view = await getCaseForms({ caseId: this.data.caseId });
    const form = view.forms.find((f) => f.kind === 'consent') ?? null;
    return {
      version: view.caseVersion,
      form,
      signedText: form?.signedAt ? `申请人已于 ${formatChinaTime(form.signedAt)} 签署` : '申请人尚未签署同意书，签署后才能会签',
      countersignedText: form?.countersignedAt ? `已于 ${formatChinaTime(form.countersignedAt)} 会签` : '',
    };
  },

  async onSign(e: WechatMiniprogram.CustomEvent<{ tempFilePath: string }>) {
    if (this.data.busy) return;
    this.setData({ busy: true });
    wx.showLoading({ title: '正在提交会签', mask: true });
    try {
      const signatureFileId = await uploadSignature(e.detail.tempFilePath);
      const r = await countersignConsent({ caseId: this.data.caseId, version: this.data.version, signatureFileId });
      const consent = r.forms.find((f) => f.kind === 'consent');
      this.setData({ version: r.case.version, countersignedText: `已于 ${formatChinaTime(consent?.countersignedAt)} 会签` });
      wx.hideLoading();
      wx.showToast({ title: '已会签', icon: 'success' });
    } catch (err) {
      wx.hideLoading();
      wx.showModal({ title: '会签未完成', content: errorText(err, '会签失败，请重试'), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },

  async onOpenOfficeCopy() {
    wx.showLoading({ title: '正在打开' });
    try {
      const copy = (await getSignedFormCopies({ caseId: this.data.caseId })).find((c) => c.kind === 'consent');
      if (!copy) throw new Error('未找到同意书存档联');
      await openDocument(copy.url);
      wx.hideLoading();
    } catch (err) {
      wx.hideLoading();
      wx.showToast({ title: errorText(err, '无法打开此文件'), icon: 'none' });
    }
  },
});
