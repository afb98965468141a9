import { pagedList } from '../../behaviors/paged-list/paged-list';
import { listMyCases } from '../../services/case/list-my-cases';
import { type CaseCard, toApplicantCaseCard } from '../../utils/case-view';
import { type ListData, emptyList } from '../../utils/paged-list';

const fetchCases = (offset: number, limit: number) => listMyCases({ offset, limit });

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<CaseCard>() as ListData<CaseCard>,
  },

  listSource() {
    return { fetch: fetchCases, map: toApplicantCaseCard, what: '办件' };
  },

  onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
    wx.navigateTo({ url: `/pages/case-detail/case-detail?id=${encodeURIComponent(e.detail.id)}` });
  },

  onGoApply() {
    wx.switchTab({ url: '/pages/home/home' });
  },
});
