import { type Failure, failureOf } from '../../utils/failure';
import { errorText } from '../../utils/format';
import { pageParam } from '../../utils/page-query';

// The lifecycle every page about one case shares: the case id read (decoded) from the page's `id` parameter, the
// first load, refresh when the page shows again and on pull-down, retry, and a failure by kind (utils/failure)
// for loading-block: 未找到该办件 and 您无权查看 offer a way back, not 重试.
//
// A page using it: `behaviors: [caseLoader]`, `data: { ...caseLoaderData(), … }` and two methods: `fetchCase()` (what to load; the case by default)
// and `showCase(loaded)` (put it on the page). Its own code reloads through `asCaseLoader(this).loadCase()`.

export type LoadStatus = 'loading' | 'error' | 'ready';

/** The behavior's methods, for a page's own code (Page() does not type what behaviors add). */
export interface CaseLoader {
  loadCase(): Promise<void>;
}

export const asCaseLoader = (page: unknown): CaseLoader => page as CaseLoader;

/** The behavior's data; a page spreads it into its own `data` too, so that its code sees the fields typed. */
export const caseLoaderData = () => ({
  status: 'loading' as LoadStatus,
  failure: null as Failure | null,
  caseId: '',
});

export const caseLoader = Behavior({
  data: caseLoaderData(),
  methods: {
    /** Replaced by the page: what to load for the case. */
    fetchCase(): Promise<unknown> {
      return Promise.reject(new Error('a page with the caseLoader behavior defines fetchCase()'));
    },
    /** Replaced by the page: shows what fetchCase loaded. */
    showCase(_loaded: unknown): void | Promise<void> {},
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ caseId: pageParam(query, 'id') });
      this.loadCase();
    },
    onShow() {
      // Back from a step of the case: its state may have changed. (A file chooser or the camera also hides and
      // shows the page: a page whose showCase resets a form being filled overrides onShow.)
      if (this.data.status === 'ready') this.loadCase();
    },
    async onPullDownRefresh() {
      await this.loadCase();
      wx.stopPullDownRefresh();
    },
    onRetry() {
      this.setData({ status: 'loading', failure: null });
      this.loadCase();
    },
    async loadCase(): Promise<void> {
      let loaded: unknown;
      try {
        loaded = await this.fetchCase();
      } catch (err) {
        // Already showing the case: keep it and say what failed.
        if (this.data.status === 'ready') wx.showToast({ title: errorText(err, '刷新失败，请稍后重试'), icon: 'none' });
        else this.setData({ status: 'error', failure: failureOf(err, '办件') });
        return;
      }
      // The page's own data first, so the page never renders 'ready' without it.
      const shown = this.showCase(loaded);
      this.setData({ status: 'ready', failure: null });
      await shown;
    },
  },
});
