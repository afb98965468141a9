// A whole-page placeholder while loading, or the failure with a 重试 button that emits `retry`.
Component({
  properties: {
    /** 'loading' | 'error' */
    status: { type: String, value: 'loading' },
    message: { type: String, value: '' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
