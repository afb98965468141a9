import { joinGroupByInvite } from '../../services/group/join-group-by-invite';
import { errorText } from '../../utils/format';
import { pageParam } from '../../utils/page-query';

// Opened from the share card an applicant sends: the invite's token joins the person as an on-site contact.

Page({
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    error: '',
    token: '',
    caseId: '',
    label: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ token: pageParam(query, 'token') });
    this.join();
  },

  async join() {
    try {
      const view = await joinGroupByInvite({ token: this.data.token });
      this.setData({ status: 'ready', caseId: view.case.id, label: view.label });
    } catch (err) {
      this.setData({ status: 'error', error: errorText(err, '加入失败，请重试') });
    }
  },

  onRetry() {
    this.setData({ status: 'loading' });
    this.join();
  },

  onOpenGroup() {
    wx.redirectTo({ url: `/pages/group/group?id=${encodeURIComponent(this.data.caseId)}` });
  },

  onHome() {
    wx.switchTab({ url: '/pages/home/home' });
  },
});
