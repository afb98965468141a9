import { isElderMode } from '../../utils/elder-mode';

// Gives every page `data.elder` (app.ts adds this behavior to each Page): the page's root view carries the
// `elder` class, whose type scale and tap sizes (app.wxss) reach its components through CSS variables.
export const elderMode = Behavior({
  data: { elder: false },
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
});
