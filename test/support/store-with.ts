import type { Store } from '../../cloudfunctions/src/ports/store';

/**
 * The store with some of its methods replaced — a lost write, a failing read, another request landing in between —
 * and every other call passed to the store itself.
 */
export function storeWith<S extends Store>(store: S, overrides: Partial<Store>): S {
  return new Proxy(store, {
    get: (target, prop, receiver) => {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof Store];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Another change lands on a document of `collection` just before each of the next `times` writes to it (the store's
 * own `replace` is replaced); answers how many landed.
 */
export function raceWrites(store: Store, collection: string, times: number): () => number {
  const replace = store.replace.bind(store);
  let raced = 0;
  store.replace = (async (c: string, id: string, version: number, doc: object) => {
    if (c === collection && raced < times) {
      raced++;
      const { _id, _version, ...rest } = (await store.get<Record<string, unknown>>(c, id))!;
      await replace(c, id, _version, rest);
    }
    return replace(c, id, version, doc);
  }) as typeof store.replace;
  return () => raced;
}
