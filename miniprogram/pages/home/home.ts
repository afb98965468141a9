import type { MatterSummary } from '../../../typings/models';
import { listMatters } from '../../services/matter/list-matters';
import { errorText } from '../../utils/format';
import { type Failure, failureOf } from '../../utils/failure';

Page({
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    failure: null as Failure | null,
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
      else this.setData({ status: 'error', failure: failureOf(err, '事项') });
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
