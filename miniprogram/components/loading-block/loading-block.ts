// A whole-page placeholder while loading, or why the page could not load (utils/failure): its own words by kind,
// 重试 (emits `retry`) only where retrying can help, and a way back (the page before, or 首页).
Component({
  properties: {
    /** 'loading' | 'error' */
    status: { type: String, value: 'loading' },
    /** A failure from utils/failure; without one, `message` is shown with 重试. */
    failure: { type: Object, value: null as unknown as Record<string, unknown> },
    message: { type: String, value: '' },
  },
  data: { canBack: false },
  lifetimes: {
    attached() {
      this.setData({ canBack: getCurrentPages().length > 1 });
    },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
    onBack() {
      wx.navigateBack();
    },
    onHome() {
      wx.switchTab({ url: '/pages/home/home' });
    },
  },
});
