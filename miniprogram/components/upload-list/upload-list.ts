// Files being uploaded or uploaded: name, size, progress, status; emits `remove` and `retry` with the row's key.
Component({
  properties: {
    /** UploadItem[] (utils/material-uploads.ts). */
    items: { type: Array, value: [] },
    editable: { type: Boolean, value: true },
  },
  methods: {
    onRemove(e: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('remove', { key: e.currentTarget.dataset.key });
    },
    onRetry(e: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('retry', { key: e.currentTarget.dataset.key });
    },
  },
});
