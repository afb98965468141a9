import { type Failure, failureOf, notForYou } from '../../utils/failure';
import { errorText } from '../../utils/format';
import { pageParam } from '../../utils/page-query';

// The lifecycle every page shares that loads one thing (the settings, a calendar year, the matters, one case's
// group): the first load, pull-down refresh, retry, and a failure by kind (utils/failure) for loading-block, with
// 重试 only where it can help. A refresh that fails keeps what is shown and says so; a newer load makes an older
// answer stale.
//
// A page using it: `behaviors: [singleLoad]`, `data: { ...singleLoadData('事项'), … }` naming what it shows, and a
// method `load()` that fetches and returns the data to show (set with `status: 'ready'` in one setData). A page not
// for the caller throws `refusal(…)` from load(). A page about one case has `caseId` in its data: the behavior's
// onLoad fills it from the `id` parameter. A page's own onLoad (another parameter) and its own code reload through
// `asSingleLoad(this).reload()`.

export type LoadStatus = 'loading' | 'error' | 'ready';

/** The behavior's methods, for a page's own code (Page() does not type what behaviors add). */
export interface SingleLoad {
  reload(): Promise<void>;
}

export const asSingleLoad = (page: unknown): SingleLoad => page as SingleLoad;

/** The behavior's data; a page spreads it into its own `data` too, so that its code sees the fields typed. */
export const singleLoadData = (what: string) => ({
  status: 'loading' as LoadStatus,
  failure: null as Failure | null,
  /** What the page shows, for the failure's words (未找到该…, …暂时加载不了); set once, in the initial data. */
  what,
});

/** For load() to throw when the page is not for the caller: shown as it is, with a way back instead of 重试. */
export const refusal = (title: string): Error & { failure: Failure } => Object.assign(new Error(title), { failure: notForYou(title) });

const generations = new WeakMap<object, number>();

export const singleLoad = Behavior({
  data: singleLoadData('内容'),
  methods: {
    /** Replaced by the page: fetches what it shows and returns the data to set. */
    load(): Promise<unknown> {
      return Promise.reject(new Error('a page with the singleLoad behavior defines load()'));
    },
    /** Puts what load() returned on the page, marking it ready in the same setData if it was not. (caseLoader
     * replaces it: its pages show the case themselves.) */
    putLoaded(loaded: unknown, becameReady: boolean): void | Promise<void> {
      const data = loaded as Record<string, unknown>;
      this.setData(becameReady ? { ...data, status: 'ready', failure: null } : data);
    },
    onLoad(query: Record<string, string | undefined>) {
      if ('caseId' in this.data) this.setData({ caseId: pageParam(query, 'id') });
      this.reload();
    },
    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },
    onRetry() {
      this.setData({ status: 'loading', failure: null });
      this.reload();
    },
    async reload(): Promise<void> {
      const mine = (generations.get(this) ?? 0) + 1;
      generations.set(this, mine);
      const shown = this.data.status === 'ready';
      let loaded: unknown;
      try {
        loaded = await this.load();
      } catch (err) {
        if (generations.get(this) !== mine) return;
        // Already showing it: keep it and say what failed.
        if (shown) wx.showToast({ title: errorText(err, '刷新失败，请稍后重试'), icon: 'none' });
        else this.setData({ status: 'error', failure: (err as { failure?: Failure }).failure ?? failureOf(err, this.data.what) });
        return;
      }
      if (generations.get(this) === mine) await this.putLoaded(loaded, !shown);
    },
  },
});
