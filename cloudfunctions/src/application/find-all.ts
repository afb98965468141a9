import type { Page } from '../../../typings/models';
import { type Condition, MAX_QUERY_LIMIT, type Query, type Store, type Stored } from '../ports/store';

/**
 * Every document matching a query, read page after page until a page comes back short: the store answers fewer
 * than asked for only when no more match (the CloudBase adapter reads on past the platform's own cap). The order
 * must be total (end with `_id`) so that no document falls between two pages.
 */
export async function findAll<T extends object>(store: Store, collection: string, query: Omit<Query, 'offset' | 'limit'>): Promise<Stored<T>[]> {
  const all: Stored<T>[] = [];
  for (;;) {
    const page = await store.find<T>(collection, { ...query, offset: all.length, limit: MAX_QUERY_LIMIT });
    all.push(...page);
    if (page.length < MAX_QUERY_LIMIT) return all;
  }
}

/**
 * The documents whose text field `field` lies in [from, to), in its order (then by id). A query holds one condition
 * per field, so the lower bound is the condition and reading stops at the first value past the upper bound. Each
 * page starts at the last value read, skipping the documents of that value already read, rather than at a growing
 * offset, which would make the store sort and skip everything before it again for every page.
 */
export async function findInRange<T extends object>(
  store: Store, collection: string, where: Record<string, Condition>, field: string, from: string, to: string, fields?: string[],
): Promise<Stored<T>[]> {
  const valueOf = (doc: Stored<T>): string => String((doc as Record<string, unknown>)[field]);
  const all: Stored<T>[] = [];
  let lower = from;
  let skip = 0;
  for (;;) {
    const page = await store.find<T>(collection, {
      where: { ...where, [field]: { op: 'gte', value: lower } },
      orderBy: [[field, 'asc'], ['_id', 'asc']],
      offset: skip,
      limit: MAX_QUERY_LIMIT,
      // The range field itself is always read: paging goes by it.
      ...(fields ? { fields: [...new Set([...fields, field])] } : {}),
    });
    for (const doc of page) {
      if (valueOf(doc) >= to) return all;
      all.push(doc);
    }
    if (page.length < MAX_QUERY_LIMIT) return all;
    const last = valueOf(page[page.length - 1]!);
    const readAtLast = page.filter((doc) => valueOf(doc) === last).length;
    skip = last === lower ? skip + readAtLast : readAtLast;
    lower = last;
  }
}

/** One page of a collection's documents as views, and how many match in all (both served by the same index). */
export async function pageOf<T extends object, V>(
  store: Store, collection: string, where: Record<string, Condition>, orderBy: Query['orderBy'],
  page: { offset?: number; limit?: number }, view: (doc: Stored<T>) => V,
): Promise<Page<V>> {
  const { offset = 0, limit = 20 } = page;
  const [docs, total] = await Promise.all([store.find<T>(collection, { where, orderBy, offset, limit }), store.count(collection, where)]);
  return { items: docs.map(view), total, offset, limit };
}
