import type { Page } from '../../../typings/models';
import { notFound } from '../../utils/failure';

/** The largest page the server gives. */
const LIMIT = 100;

/**
 * One item of a paged list, by paging through it, or 未找到 (a NOT_FOUND error) when the list does not hold it. A
 * notice opens a finding or a follow-up by id, and no action reads a single one yet (reported to the lead): this
 * stands in until one does.
 */
export async function findInPages<T>(fetch: (offset: number, limit: number) => Promise<Page<T>>, match: (item: T) => boolean): Promise<T> {
  for (let offset = 0; ; offset += LIMIT) {
    const page = await fetch(offset, LIMIT);
    const found = page.items.find(match);
    if (found) return found;
    if (!page.items.length || offset + page.items.length >= page.total) throw notFound();
  }
}
