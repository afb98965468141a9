// One case in a list. Tapping it emits `select` with the case id; the page decides where to go.
Component({
  properties: {
    /** A CaseCard (utils/case-view.ts). */
    item: { type: Object, value: {} },
    /** Only the matter, the state and the next step (长辈模式 on the applicant's list). */
    simple: { type: Boolean, value: false },
  },
  methods: {
    onTap() {
      this.triggerEvent('select', { id: (this.data.item as { id?: string }).id });
    },
  },
});
