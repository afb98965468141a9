// The privacy prompt WeChat requires before a privacy API runs (choosing a location, picking files).
// Put it on every page that calls one: the shown page's prompt answers wx.onNeedPrivacyAuthorization.
// https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html

type Resolve = (result: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void;

Component({
  data: { visible: false, contractName: '《远程视频踏勘小程序隐私保护指引》' },
  lifetimes: {
    attached() {
      this.listen();
    },
  },
  pageLifetimes: {
    show() {
      this.listen();
    },
  },
  methods: {
    listen() {
      // Only the last listener registered is called, so the page on screen registers again when shown.
      if (!wx.onNeedPrivacyAuthorization) return;
      // The typings give the listener a result object; the platform passes the resolve function.
      wx.onNeedPrivacyAuthorization(((resolve: Resolve) => {
        (this as unknown as { resolvePrivacy?: Resolve }).resolvePrivacy = resolve;
        resolve({ event: 'exposureAuthorization' });
        this.setData({ visible: true });
      }) as unknown as WechatMiniprogram.OnNeedPrivacyAuthorizationCallback);
      if (wx.getPrivacySetting) {
        wx.getPrivacySetting({
          success: (res) => {
            if (res.privacyContractName && res.privacyContractName !== this.data.contractName) this.setData({ contractName: res.privacyContractName });
          },
        });
      }
    },
    answer(event: 'agree' | 'disagree') {
      const self = this as unknown as { resolvePrivacy?: Resolve };
      self.resolvePrivacy?.(event === 'agree' ? { event, buttonId: 'privacy-agree' } : { event });
      self.resolvePrivacy = undefined;
      this.setData({ visible: false });
    },
    onAgree() {
      this.answer('agree');
    },
    onDisagree() {
      this.answer('disagree');
    },
    noop() {
      // keeps the page under the mask from scrolling
    },
    onOpenContract() {
      wx.openPrivacyContract({});
    },
  },
});
