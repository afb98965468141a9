// One case in a list. Tapping it emits `select` with the case id; the page decides where to go.
Component({
  properties: {
    /** A CaseCard (utils/case-view.ts). */
    item: { type: Object, value: {} },
  },
  methods: {
    onTap() {
      this.triggerEvent('select', { id: (this.data.item as { id?: string }).id });
    },
  },
});
