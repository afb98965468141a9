import { errorText } from '../../utils/format';
import { type Fetch, type ListData, emptyList, loadMore, reloadList } from '../../utils/paged-list';

// The lifecycle every list page shares, on `data.list`: the first page on load, pull-down refresh, load more at
// the bottom (or by tapping the footer), retry, and a failure by kind (utils/failure) for loading-block.
//
// A page using it: `behaviors: [pagedList]`, `data: { list: emptyList<Row>() }`, and a method `listSource()`
// saying how to fetch and show one page. Its own onLoad/onShow, if it has them, call `reloadList` through
// `asPagedList(this)`; without them the behavior's load the list and refresh it when the page shows again.

export interface ListSource<S, T> {
  fetch: Fetch<S>;
  map: (s: S) => T;
  /** What the list holds, for the failure's words: 办件, 消息. */
  what: string;
}

/** The behavior's methods, for a page's own code (Page() does not type what behaviors add). */
export interface PagedList {
  reloadList(): Promise<void>;
  loadMoreList(): Promise<void>;
}

export const asPagedList = (page: unknown): PagedList => page as PagedList;

export const pagedList = Behavior({
  data: { list: emptyList<unknown>() as ListData<unknown> },
  methods: {
    /** Replaced by the page: where the list comes from. */
    listSource(): ListSource<unknown, unknown> {
      throw new Error('a page with the pagedList behavior defines listSource()');
    },
    /** Replaced by a page that shows more than the list (a count, a badge): refreshes it with every reload. */
    alsoRefresh(): Promise<void> | void {},
    async reloadList(): Promise<void> {
      const { fetch, map, what } = this.listSource();
      await Promise.all([reloadList(this, 'list', fetch, map, (err) => errorText(err, `${what}加载失败，请重试`), what), this.alsoRefresh()]);
    },
    loadMoreList(): Promise<void> {
      const { fetch, map } = this.listSource();
      return loadMore(this, 'list', fetch, map);
    },
    onLoad() {
      this.reloadList();
    },
    onShow() {
      // Back from an item's page: what the list shows may have changed.
      if (this.data.list.status === 'ready') this.reloadList();
    },
    async onPullDownRefresh() {
      await this.reloadList();
      wx.stopPullDownRefresh();
    },
    onReachBottom() {
      this.loadMoreList();
    },
    /** The footer's tap: loads the next page, or tries the failed one again. */
    onMore() {
      this.loadMoreList();
    },
    onRetry() {
      this.setData({ 'list.status': 'loading' });
      this.reloadList();
    },
  },
});
