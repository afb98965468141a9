import type { MatterSummary } from '../../../typings/models';
import { listMatters } from '../../services/matter/list-matters';
import { errorText } from '../../utils/format';

Page({
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    error: '',
    matters: [] as MatterSummary[],
  },

  onLoad() {
    this.load();
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  async load() {
    try {
      const matters = await listMatters({});
      this.setData({ matters, status: 'ready' });
    } catch (err) {
      if (this.data.status === 'ready') wx.showToast({ title: errorText(err), icon: 'none' });
      else this.setData({ status: 'error', error: errorText(err, '事项加载失败，请重试') });
    }
  },

  onRetry() {
    this.setData({ status: 'loading' });
    this.load();
  },

  onOpen(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/pages/matter-detail/matter-detail?code=${encodeURIComponent(e.currentTarget.dataset.code)}` });
  },
});
