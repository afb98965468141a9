import { asSingleLoad, singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';
import { runtimeMode } from '../../config/config';
import { DEMO_USERS, type DemoUser, devOpenid, setDevOpenid } from '../../services/transport/dev-identity';
import { updateProfile } from '../../services/user/update-profile';
import { setElderMode } from '../../utils/elder-mode';
import { ROLE_LABELS, errorText } from '../../utils/format';
import { currentUser, forgetCurrentUser, hasRole, isStaff } from '../../utils/session';

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('身份信息'),
    name: '',
    roleText: '',
    staff: false,
    /** 监督工作台 for the policy section, 监管收件箱 for sector regulators. */
    supervisor: false,
    regulator: false,
    /** 系统管理: the admin subpackage. */
    admin: false,
    /** 科室工作台 for section heads. */
    sectionHead: false,
    /** 姓名和电话: the person's own, which officers and admins see. */
    editing: false,
    editName: '',
    editPhone: '',
    editError: '',
    /** The dev identity switcher: local mode only. */
    localMode: false,
    demoUsers: [] as DemoUser[],
    currentOpenid: '',
  },

  onLoad() {
    const localMode = runtimeMode() === 'local';
    this.setData(localMode ? { localMode, demoUsers: DEMO_USERS.slice(), currentOpenid: devOpenid() } : { localMode });
    asSingleLoad(this).reload();
  },

  async load() {
    const me = await currentUser();
    return {
      name: me.name,
      roleText: me.roles.map((r) => ROLE_LABELS[r]).join('、') || '申请人',
      staff: isStaff(me),
      supervisor: hasRole(me, 'supervisor'),
      regulator: hasRole(me, 'regulator'),
      admin: hasRole(me, 'admin'),
      sectionHead: hasRole(me, 'sectionHead'),
    };
  },

  onEditProfile() {
    this.setData({ editing: true, editName: this.data.name, editPhone: '', editError: '' });
  },

  onCancelEdit() {
    this.setData({ editing: false });
  },

  onEditInput(e: WechatMiniprogram.Input) {
    this.setData({ [e.currentTarget.dataset.field === 'phone' ? 'editPhone' : 'editName']: e.detail.value, editError: '' });
  },

  async onSaveProfile() {
    const name = this.data.editName.trim();
    const phone = this.data.editPhone.trim();
    if (!name) {
      this.setData({ editError: '请填写姓名' });
      return;
    }
    try {
      const saved = await updateProfile({ name, ...(phone ? { phone } : {}) });
      forgetCurrentUser();
      this.setData({ editing: false, name: saved.name });
      wx.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      this.setData({ editError: errorText(err, '保存失败，请重试') });
    }
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

  /** Every page starts again in the chosen size. */
  onElderMode(e: WechatMiniprogram.SwitchChange) {
    setElderMode(e.detail.value);
    wx.reLaunch({ url: '/pages/profile/profile' });
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
