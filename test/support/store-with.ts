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
