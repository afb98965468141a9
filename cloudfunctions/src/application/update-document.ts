import type { Store, Stored } from '../ports/store';

/** Changes tried per document before giving up: each failure means someone else changed it in between. */
const ATTEMPTS = 8;

/**
 * Reads a document, lets `change` compute its next state, and writes it by compare-and-set (or inserts it when
 * missing), reading again after a concurrent change. `change` answers null to leave the document as it is.
 * For documents several writers touch independently (a message's read flag and its delivery), where the
 * latest state, not the caller's stale copy, is what a change must apply to.
 */
export async function updateDocument<T extends object>(
  store: Store, collection: string, id: string, change: (current: Stored<T> | null) => T | null,
): Promise<Stored<T> | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await store.get<T>(collection, id);
    const next = change(current);
    if (next === null) return current;
    const version = current ? await store.replace(collection, id, current._version, next) : (await store.insert(collection, id, next)) ? 1 : null;
    if (version !== null) return { ...next, _id: id, _version: version };
  }
  throw new Error(`${collection}/${id} kept changing under ${ATTEMPTS} attempts`);
}
