import type { Page as ResultPage } from '../../typings/models';
import { type Failure, failureOf } from './failure';

// A paged list in a page's data under one key: first page, pull-down refresh, load more appended by path.

export interface ListData<T> {
  items: T[];
  total: number;
  /** The first page: loading, failed, or shown (possibly empty). */
  status: 'loading' | 'error' | 'ready';
  error: string;
  /** Why the first page failed, by kind (loading-block shows it with the right action). */
  failure: Failure | null;
  /** The footer: idle (more to load), loading, error (tap to retry), end. */
  more: 'idle' | 'loading' | 'error' | 'end';
}

export const emptyList = <T>(): ListData<T> => ({ items: [], total: 0, status: 'loading', error: '', failure: null, more: 'idle' });

export const PAGE_SIZE = 10;

interface Host {
  data: Record<string, any>;
  setData(data: Record<string, unknown>): void;
}

/** Fetches one page of the list, offset and limit given. */
export type Fetch<T> = (offset: number, limit: number) => Promise<ResultPage<T>>;

// A newer load of a list makes the answer of an older one stale.
const generations = new WeakMap<Host, Record<string, number>>();
function nextGeneration(host: Host, key: string): () => boolean {
  const byKey = generations.get(host) ?? {};
  generations.set(host, byKey);
  const mine = (byKey[key] ?? 0) + 1;
  byKey[key] = mine;
  return () => byKey[key] === mine;
}

const moreAfter = (count: number, total: number): ListData<unknown>['more'] => (count >= total ? 'end' : 'idle');

/** Loads the first page; the items already shown stay until the answer comes (pull-down refresh). */
export async function reloadList<S, T>(
  host: Host,
  key: string,
  fetch: Fetch<S>,
  map: (s: S) => T,
  errorText: (e: unknown) => string,
  /** What the list holds, for the failure's words (未找到该办件). */
  what = '内容',
): Promise<void> {
  const current = host.data[key] as ListData<T>;
  if (current.status !== 'ready') host.setData({ [`${key}.status`]: 'loading' });
  const isCurrent = nextGeneration(host, key);
  try {
    const page = await fetch(0, PAGE_SIZE);
    if (!isCurrent()) return;
    const items = page.items.map(map);
    host.setData({ [key]: { items, total: page.total, status: 'ready', error: '', failure: null, more: moreAfter(items.length, page.total) } });
  } catch (err) {
    if (!isCurrent()) return;
    if (current.status === 'ready') wx.showToast({ title: errorText(err), icon: 'none' });
    else host.setData({ [`${key}.status`]: 'error', [`${key}.error`]: errorText(err), [`${key}.failure`]: failureOf(err, what) });
  }
}

/** Loads the next page and appends its items by path, so the items already shown are not sent again. */
export async function loadMore<S, T>(host: Host, key: string, fetch: Fetch<S>, map: (s: S) => T): Promise<void> {
  const current = host.data[key] as ListData<T>;
  if (current.status !== 'ready' || current.more === 'loading' || current.more === 'end') return;
  host.setData({ [`${key}.more`]: 'loading' });
  const isCurrent = nextGeneration(host, key);
  const offset = current.items.length;
  try {
    const page = await fetch(offset, PAGE_SIZE);
    if (!isCurrent()) return;
    const patch: Record<string, unknown> = { [`${key}.total`]: page.total };
    page.items.forEach((s, i) => {
      patch[`${key}.items[${offset + i}]`] = map(s);
    });
    patch[`${key}.more`] = page.items.length === 0 ? 'end' : moreAfter(offset + page.items.length, page.total);
    host.setData(patch);
  } catch {
    if (isCurrent()) host.setData({ [`${key}.more`]: 'error' });
  }
}
