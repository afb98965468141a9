import { asSingleLoad, singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';
import type { MatterView } from '../../../typings/models';
import { getMatter } from '../../services/matter/get-matter';
import { pageParam } from '../../utils/page-query';

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('事项'),
    code: '',
    matter: null as MatterView | null,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ code: pageParam(query, 'code') });
    asSingleLoad(this).reload();
  },

  async load() {
    const matter = await getMatter({ code: this.data.code });
    wx.setNavigationBarTitle({ title: matter.name });
    return { matter };
  },

  onApply() {
    wx.navigateTo({ url: `/pages/apply/apply?code=${encodeURIComponent(this.data.code)}` });
  },
});
