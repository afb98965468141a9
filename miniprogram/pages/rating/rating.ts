import type { InspectionView } from '../../../typings/models';
import { caseLoader, caseLoaderData } from '../../behaviors/case-loader/case-loader';
import { getInspection } from '../../services/inspection/get-inspection';
import { rateService } from '../../services/inspection/rate-service';
import { formatChinaTime } from '../../utils/china-time';
import { errorText } from '../../utils/format';

// Satisfaction (R19): once, after the decision, 1 to 5 stars and suggestions if the applicant likes.

const LABELS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];
const STARS = [1, 2, 3, 4, 5];

Page({
  behaviors: [caseLoader],
  data: {
    ...caseLoaderData(),
    number: '',
    canRate: false,
    stars: STARS,
    score: 0,
    scoreLabel: '',
    scoreError: '',
    suggestions: '',
    busy: false,
    rated: null as { score: number; label: string; suggestions: string; at: string } | null,
  },

  fetchCase() {
    return getInspection({ caseId: this.data.caseId });
  },

  showCase(v: InspectionView) {
    const r = v.rating;
    this.setData({
      number: v.number,
      canRate: v.can.includes('rateService'),
      rated: r ? { score: r.score, label: LABELS[r.score]!, suggestions: r.suggestions ?? '', at: formatChinaTime(r.ratedAt) } : null,
    });
  },

  onStar(e: WechatMiniprogram.TouchEvent) {
    const score = Number(e.currentTarget.dataset.score);
    this.setData({ score, scoreLabel: LABELS[score]!, scoreError: '' });
  },

  onSuggestionsInput(e: WechatMiniprogram.Input) {
    this.setData({ suggestions: e.detail.value });
  },

  async onSubmit() {
    if (this.data.busy) return;
    if (!this.data.score) {
      this.setData({ scoreError: '请轻触星星选择评分' });
      return;
    }
    // Busy before the modal: a second tap while it is open must not send a second rating.
    this.setData({ busy: true });
    const { confirm } = await wx.showModal({ title: '提交评价？', content: '评价提交后不能修改。', confirmText: '提交', cancelText: '再想想' });
    if (!confirm) {
      this.setData({ busy: false });
      return;
    }
    const suggestions = this.data.suggestions.trim();
    try {
      this.showCase(await rateService({ caseId: this.data.caseId, score: this.data.score, ...(suggestions ? { suggestions } : {}) }));
      wx.showToast({ title: '感谢您的评价', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '评价未提交', content: errorText(err, '提交失败，请重试'), showCancel: false, confirmText: '知道了' });
    }
    this.setData({ busy: false });
  },
});
