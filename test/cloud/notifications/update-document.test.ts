import { updateDocument } from '../../../cloudfunctions/src/application/update-document';
import type { Store, Stored } from '../../../cloudfunctions/src/ports/store';

// Read, change, compare-and-set, again after a concurrent change (application/update-document.ts), against a store
// that loses the race a given number of times.

interface Doc {
  count: number;
}

/** One document; `lose` writes fail as if someone else wrote first, each bumping the version. */
function racingStore(initial: Doc | null, lose: number) {
  let doc: Stored<Doc> | null = initial ? { ...initial, _id: 'd1', _version: 1 } : null;
  let losses = lose;
  const calls = { get: 0, replace: 0, insert: 0 };
  const store = {
    async get() {
      calls.get++;
      return doc && { ...doc };
    },
    async replace(_c: string, id: string, version: number, next: Doc) {
      calls.replace++;
      if (losses > 0 || !doc || doc._version !== version) {
        losses--;
        if (doc) doc = { ...doc, count: doc.count + 100, _version: doc._version + 1 };
        return null;
      }
      doc = { ...next, _id: id, _version: version + 1 };
      return doc._version;
    },
    async insert(_c: string, id: string, next: Doc) {
      calls.insert++;
      if (losses > 0) {
        losses--;
        doc = { count: 100, _id: id, _version: 1 };
        return false;
      }
      doc = { ...next, _id: id, _version: 1 };
      return true;
    },
  } as unknown as Store;
  return { store, calls, current: () => doc };
}

const increment = (d: Stored<Doc> | null): Doc => ({ count: (d?.count ?? 0) + 1 });

test('a change is applied to the latest state and written by compare-and-set', async () => {
  const { store, calls } = racingStore({ count: 1 }, 0);
  expect(await updateDocument<Doc>(store, 'c', 'd1', increment)).toEqual({ count: 2, _id: 'd1', _version: 2 });
  expect(calls).toEqual({ get: 1, replace: 1, insert: 0 });
});

test('a missing document is inserted; if someone inserted it first, the change applies to theirs', async () => {
  const fresh = racingStore(null, 0);
  expect(await updateDocument<Doc>(fresh.store, 'c', 'd1', increment)).toEqual({ count: 1, _id: 'd1', _version: 1 });
  const raced = racingStore(null, 1);
  expect(await updateDocument<Doc>(raced.store, 'c', 'd1', increment)).toEqual({ count: 101, _id: 'd1', _version: 2 });
  expect(raced.calls).toEqual({ get: 2, replace: 1, insert: 1 });
});

test('a change that answers null leaves the document as it is and writes nothing', async () => {
  const { store, calls } = racingStore({ count: 1 }, 0);
  expect(await updateDocument<Doc>(store, 'c', 'd1', () => null)).toEqual({ count: 1, _id: 'd1', _version: 1 });
  expect(calls.replace + calls.insert).toBe(0);
});

test('eight attempts are made: seven lost races still end in a write, eight give up', async () => {
  const seven = racingStore({ count: 1 }, 7);
  expect(await updateDocument<Doc>(seven.store, 'c', 'd1', increment)).toEqual({ count: 702, _id: 'd1', _version: 9 });
  expect(seven.calls.replace).toBe(8);
  const eight = racingStore({ count: 1 }, 8);
  await expect(updateDocument<Doc>(eight.store, 'outbox', 'm1', increment)).rejects.toThrow('outbox/m1 kept changing under 8 attempts');
  expect(eight.calls.replace).toBe(8);
});
