import { claimBindingInvite } from '../../services/user/claim-binding-invite';
import { ROLE_LABELS, errorText } from '../../utils/format';
import { forgetCurrentUser } from '../../utils/session';

// Opened from the one-time binding link an admin sends: the person confirms, and their WeChat identity becomes the
// officer the admin set up. Nothing happens before the tap, so a link forwarded by mistake is not spent by a preview.

Page({
  data: {
    status: 'ready' as 'ready' | 'error' | 'done',
    error: '',
    token: '',
    name: '',
    roleText: '',
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const token = decodeURIComponent(query.token ?? '');
    this.setData(token ? { token } : { status: 'error', error: '链接不完整，请向管理员重新索取' });
  },

  async onBind() {
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      const me = await claimBindingInvite({ token: this.data.token });
      // Who the caller is has changed: the next page asks again.
      forgetCurrentUser();
      this.setData({ status: 'done', name: me.name, roleText: me.roles.map((r) => ROLE_LABELS[r]).join('、') });
    } catch (err) {
      this.setData({ status: 'error', error: errorText(err, '绑定失败，请重试') });
    }
    this.setData({ busy: false });
  },

  onProfile() {
    wx.switchTab({ url: '/pages/profile/profile' });
  },
});
