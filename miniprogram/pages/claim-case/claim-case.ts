import { claimCase } from '../../services/case/claim-case';
import { creditCodeError } from '../../utils/credit-code';
import { errorText } from '../../utils/format';

type Field = 'code' | 'creditCode' | 'phoneTail';

/** The code a scanned link carries: WeChat opens the page with the whole link, percent-encoded, in `q`. */
const codeInLink = (q: string): string => /[?&]code=([^&#]*)/.exec(decodeURIComponent(q))?.[1] ?? '';

/** The claim code as printed (XXXX-XXXX), from the receipt's QR link, or from a page link (perhaps percent-encoded). */
const codeFromQuery = (query: Record<string, string | undefined>): string => {
  const raw = decodeURIComponent(query.q ? codeInLink(query.q) : query.code ?? '').replace(/[\s-]/g, '').toUpperCase();
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
};

/**
 * 认领办件: the applicant whose application was registered at the counter or from an e-mail takes it over in
 * WeChat, with the receipt's claim code and what only they know. After that it is their case like any other.
 */
Page({
  data: {
    form: { code: '', creditCode: '', phoneTail: '' },
    errors: {} as Partial<Record<Field, string>>,
    busy: false,
    submitError: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    const code = codeFromQuery(query);
    if (code) this.setData({ 'form.code': code });
  },

  onInput(e: WechatMiniprogram.Input) {
    const field = e.currentTarget.dataset.field as Field;
    const value = field === 'phoneTail' ? e.detail.value.replace(/\D/g, '') : e.detail.value.toUpperCase().replace(/\s/g, '');
    this.setData({ [`form.${field}`]: value, [`errors.${field}`]: '', submitError: '' });
  },

  async onClaim() {
    if (this.data.busy) return;
    const { code, creditCode, phoneTail } = this.data.form;
    const errors: Partial<Record<Field, string>> = {};
    if (code.replace(/-/g, '').length !== 8) errors.code = '认领码为8位字母和数字，见登记回执';
    const creditError = creditCodeError(creditCode);
    if (creditError) errors.creditCode = creditError;
    if (!/^\d{4}$/.test(phoneTail)) errors.phoneTail = '请填写登记时所留手机号的后四位';
    if (Object.keys(errors).length) {
      this.setData({ errors });
      return;
    }
    this.setData({ busy: true, submitError: '' });
    try {
      const c = await claimCase({ code, creditCode, phoneTail });
      this.setData({ busy: false });
      wx.showToast({ title: '认领成功', icon: 'success' });
      wx.redirectTo({ url: `/pages/case-detail/case-detail?id=${encodeURIComponent(c.id)}` });
    } catch (err) {
      this.setData({ busy: false, submitError: errorText(err, '认领失败，请稍后重试') });
    }
  },
});
