import { runtimeMode } from '../../config/config';
import { DEMO_USERS, type DemoUser, devOpenid, setDevOpenid } from '../../services/transport/dev-identity';
import { ROLE_LABELS, errorText } from '../../utils/format';
import { currentUser, forgetCurrentUser, hasRole, isStaff } from '../../utils/session';

Page({
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    error: '',
    name: '',
    roleText: '',
    staff: false,
    /** 监督工作台 for the policy section, 监管收件箱 for sector regulators. */
    supervisor: false,
    regulator: false,
    /** 系统管理: the admin subpackage. */
    admin: false,
    /** The dev identity switcher: local mode only. */
    localMode: false,
    demoUsers: [] as DemoUser[],
    currentOpenid: '',
  },

  onLoad() {
    const localMode = runtimeMode() === 'local';
    this.setData(localMode ? { localMode, demoUsers: DEMO_USERS.slice(), currentOpenid: devOpenid() } : { localMode });
    this.load();
  },

  async load() {
    try {
      const me = await currentUser();
      this.setData({
        status: 'ready',
        name: me.name,
        roleText: me.roles.map((r) => ROLE_LABELS[r]).join('、') || '申请人',
        staff: isStaff(me),
        supervisor: hasRole(me, 'supervisor'),
        regulator: hasRole(me, 'regulator'),
        admin: hasRole(me, 'admin'),
      });
    } catch (err) {
      this.setData({ status: 'error', error: errorText(err, '身份信息加载失败，请重试') });
    }
  },

  onRetry() {
    this.setData({ status: 'loading' });
    this.load();
  },

  onWorkbench() {
    wx.navigateTo({ url: '/package-staff/pages/workbench/workbench' });
  },

  /** The supervision pages and the credit page: the menu item names its page. */
  onOpenPage(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: e.currentTarget.dataset.url as string });
  },

  onMyCases() {
    wx.switchTab({ url: '/pages/my-cases/my-cases' });
  },

  onPrivacy() {
    wx.openPrivacyContract({});
  },

  onSwitchIdentity(e: WechatMiniprogram.TouchEvent) {
    const openid = e.currentTarget.dataset.openid as string;
    if (openid === this.data.currentOpenid) return;
    setDevOpenid(openid);
    forgetCurrentUser();
    // Every page starts again as the new identity.
    wx.reLaunch({ url: '/pages/profile/profile' });
  },
});
