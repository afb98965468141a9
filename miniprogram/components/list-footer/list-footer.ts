// The foot of a paged list (utils/paged-list): more to load, loading, failed (tap to retry), or the end with the
// count. A tap emits `more`.
Component({
  properties: {
    /** 'idle' | 'loading' | 'error' | 'end' */
    more: { type: String, value: 'idle' },
    total: { type: Number, value: 0 },
    /** The unit counted at the end: 件, 条. */
    unit: { type: String, value: '条' },
  },
  methods: {
    onTap() {
      this.triggerEvent('more');
    },
  },
});
