import type { MatterView } from '../../../typings/models';
import { getMatter } from '../../services/matter/get-matter';
import { pageParam } from '../../utils/page-query';
import { type Failure, failureOf } from '../../utils/failure';

Page({
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    failure: null as Failure | null,
    code: '',
    matter: null as MatterView | null,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ code: pageParam(query, 'code') });
    this.load();
  },

  async load() {
    try {
      const matter = await getMatter({ code: this.data.code });
      this.setData({ matter, status: 'ready' });
      wx.setNavigationBarTitle({ title: matter.name });
    } catch (err) {
      this.setData({ status: 'error', failure: failureOf(err, '事项') });
    }
  },

  onRetry() {
    this.setData({ status: 'loading' });
    this.load();
  },

  onApply() {
    wx.navigateTo({ url: `/pages/apply/apply?code=${encodeURIComponent(this.data.code)}` });
  },
});
