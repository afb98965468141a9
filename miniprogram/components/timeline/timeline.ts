// What happened to a case, newest first. Entries come formatted: {at, actorName, actionLabel, note, verification}.
// `verification` (hashes; sent to the office and its overseers only) shows in a 核验 part that wraps and copies.
Component({
  properties: {
    entries: { type: Array, value: [] },
  },
  methods: {
    onCopy(e: WechatMiniprogram.TouchEvent) {
      wx.setClipboardData({ data: String(e.currentTarget.dataset.text ?? '') });
    },
  },
});
