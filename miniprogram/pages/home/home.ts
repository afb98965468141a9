import type { MatterSummary } from '../../../typings/models';
import { listMatters } from '../../services/matter/list-matters';
import { singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('事项'),
    matters: [] as MatterSummary[],
  },

  async load() {
    return { matters: await listMatters({}) };
  },

  onOpen(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/pages/matter-detail/matter-detail?code=${encodeURIComponent(e.currentTarget.dataset.code)}` });
  },
});
