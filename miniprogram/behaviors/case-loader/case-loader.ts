import { asSingleLoad, singleLoad, singleLoadData } from '../single-load/single-load';

// The lifecycle every page about one case shares: singleLoad's (the case id read, decoded, from the page's `id`
// parameter; the first load, pull-down refresh, retry, a failure by kind for loading-block: 未找到该办件 and
// 您无权查看 offer a way back, not 重试), and a refresh when the page shows again.
//
// A page using it: `behaviors: [caseLoader]`, `data: { ...caseLoaderData(), … }` and two methods: `fetchCase()` (what to load; the case by default)
// and `showCase(loaded)` (put it on the page). Its own code reloads through `asCaseLoader(this).loadCase()`.

/** The behavior's methods, for a page's own code (Page() does not type what behaviors add). */
export interface CaseLoader {
  loadCase(): Promise<void>;
}

export const asCaseLoader = (page: unknown): CaseLoader => page as CaseLoader;

/** The behavior's data; a page spreads it into its own `data` too, so that its code sees the fields typed. */
export const caseLoaderData = () => ({ ...singleLoadData('办件'), caseId: '' });

export const caseLoader = Behavior({
  behaviors: [singleLoad],
  data: caseLoaderData(),
  methods: {
    /** Replaced by the page: what to load for the case. */
    fetchCase(): Promise<unknown> {
      return Promise.reject(new Error('a page with the caseLoader behavior defines fetchCase()'));
    },
    /** Replaced by the page: shows what fetchCase loaded. */
    showCase(_loaded: unknown): void | Promise<void> {},
    /** singleLoad's load(): what the page fetches for the case. */
    load(): Promise<unknown> {
      return this.fetchCase();
    },
    /** The page's own data first, so the page never renders 'ready' without it; a refresh waits for what showCase
     * loads besides (a case's result, its file access). */
    async putLoaded(loaded: unknown, becameReady: boolean): Promise<void> {
      const shown = this.showCase(loaded);
      if (becameReady) this.setData({ status: 'ready', failure: null });
      await shown;
    },
    onShow() {
      // Back from a step of the case: its state may have changed. (A file chooser or the camera also hides and
      // shows the page: a page whose showCase resets a form being filled overrides onShow.)
      if (this.data.status === 'ready') this.loadCase();
    },
    loadCase(): Promise<void> {
      return asSingleLoad(this).reload();
    },
  },
});
