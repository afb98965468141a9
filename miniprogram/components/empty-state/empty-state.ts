// Nothing to show: a sentence, an optional hint, and an optional button that emits `action`.
Component({
  properties: {
    text: { type: String, value: '暂无内容' },
    hint: { type: String, value: '' },
    actionText: { type: String, value: '' },
  },
  methods: {
    onAction() {
      this.triggerEvent('action');
    },
  },
});
