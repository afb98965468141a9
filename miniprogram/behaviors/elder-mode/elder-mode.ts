import { isElderMode } from '../../utils/elder-mode';

// Gives every page `data.elder` (app.ts adds this behavior to each Page): the page's root view carries the
// `elder` class, whose type scale and tap sizes (app.wxss) reach its components through CSS variables.
// In 长辈模式 an applicant's page keeps to its main action; secondary content waits behind a button that calls
// onShowMore (MIIT 互联网应用适老化: one main action per screen, the rest on request).
export const elderMode = Behavior({
  data: { elder: false, showMore: false },
  lifetimes: {
    attached() {
      this.setData({ elder: isElderMode() });
    },
  },
  pageLifetimes: {
    // Back from 我的 after switching: the page follows.
    show() {
      const elder = isElderMode();
      if (elder !== this.data.elder) this.setData({ elder });
    },
  },
  methods: {
    onShowMore() {
      this.setData({ showMore: true });
    },
  },
});
