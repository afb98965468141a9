import { listMyCases } from '../../services/case/list-my-cases';
import { type CaseCard, toCaseCard } from '../../utils/case-view';
import { errorText } from '../../utils/format';
import { type ListData, emptyList, loadMore, reloadList } from '../../utils/paged-list';

const fetchCases = (offset: number, limit: number) => listMyCases({ offset, limit });
const failText = (err: unknown) => errorText(err, '办件加载失败，请重试');

Page({
  data: {
    cases: emptyList<CaseCard>() as ListData<CaseCard>,
  },

  onLoad() {
    this.reload();
  },

  onShow() {
    // Back from a case or an application: states may have changed.
    if (this.data.cases.status === 'ready') this.reload();
  },

  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.loadMore();
  },

  reload() {
    return reloadList(this, 'cases', fetchCases, toCaseCard, failText);
  },

  loadMore() {
    return loadMore(this, 'cases', fetchCases, toCaseCard);
  },

  onRetry() {
    this.setData({ 'cases.status': 'loading' });
    this.reload();
  },

  onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
    wx.navigateTo({ url: `/pages/case-detail/case-detail?id=${encodeURIComponent(e.detail.id)}` });
  },

  onGoApply() {
    wx.switchTab({ url: '/pages/home/home' });
  },
});
