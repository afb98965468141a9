import { findAll, findInRange, pageOf } from '../../../cloudfunctions/src/application/find-all';
import type { Query, Store } from '../../../cloudfunctions/src/ports/store';
import { type Harness, makeHarness } from '../../support/harness';

// Reading everything, a range, or one page of a collection through the store port: what comes back, and the
// queries asked (a page shorter than the limit is not the end; the range field is always read).

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** The harness store, recording the queries it is asked. */
function recording(store: Store): { store: Store; queries: Query[] } {
  const queries: Query[] = [];
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'find') return (collection: string, query: Query) => (queries.push(query), target.find(collection, query));
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, queries };
}

function seed(n: number, value: (i: number) => string, status: (i: number) => string = () => 'pending'): void {
  h.deps.store.bulk(() => {
    for (let i = 0; i < n; i++) void h.deps.store.insert('findings', `f${String(i).padStart(4, '0')}`, { reportedAt: value(i), status: status(i), note: `n${i}` });
  });
}

test('findAll reads page after page until one comes back empty', async () => {
  seed(2500, (i) => `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`);
  const { store, queries } = recording(h.deps.store);
  const orderBy: Query['orderBy'] = [['reportedAt', 'asc'], ['_id', 'asc']];
  const all = await findAll<{ reportedAt: string }>(store, 'findings', { where: {}, orderBy });
  expect(all).toHaveLength(2500);
  expect(new Set(all.map((d) => d._id)).size).toBe(2500);
  const keys = all.map((d) => `${d.reportedAt}|${d._id}`);
  expect(keys).toEqual([...keys].sort());
  expect(queries.map((q) => [q.offset, q.limit])).toEqual([[0, 1000], [1000, 1000], [2000, 1000], [2500, 1000]]);
  expect(queries.every((q) => q.orderBy === orderBy)).toBe(true);
});

test('findAll of nothing asks once', async () => {
  const { store, queries } = recording(h.deps.store);
  expect(await findAll(store, 'findings', { where: {}, orderBy: [['reportedAt', 'asc'], ['_id', 'asc']] })).toEqual([]);
  expect(queries).toHaveLength(1);
});

test('findInRange keeps the other conditions, ends before the upper bound, and reads the range field with the fields asked', async () => {
  seed(12, (i) => ['a', 'b', 'c', 'd'][i % 4]!, (i) => (i % 3 === 0 ? 'closed' : 'pending'));
  const { store, queries } = recording(h.deps.store);
  const read = await findInRange<{ reportedAt: string; status: string; note?: string }>(store, 'findings', { status: 'pending' }, 'reportedAt', 'b', 'd', ['status']);
  // b: f0001 f0005 f0009 (f0009 closed); c: f0002 f0006 f0010 (f0006 closed).
  expect(read.map((d) => [d._id, d.reportedAt, d.status])).toEqual([
    ['f0001', 'b', 'pending'],
    ['f0005', 'b', 'pending'],
    ['f0002', 'c', 'pending'],
    ['f0010', 'c', 'pending'],
  ]);
  expect(read.every((d) => d.note === undefined)).toBe(true);
  expect(queries[0]).toEqual({
    where: { status: 'pending', reportedAt: { op: 'gte', value: 'b' } },
    orderBy: [['reportedAt', 'asc'], ['_id', 'asc']],
    offset: 0,
    limit: 1000,
    fields: ['status', 'reportedAt'],
  });
  // Without `fields`, whole documents.
  const whole = await findInRange<{ note: string }>(h.deps.store, 'findings', { status: 'pending' }, 'reportedAt', 'b', 'c');
  expect(whole.map((d) => d.note)).toEqual(['n1', 'n5']);
});

test('findInRange goes on after a page that ends inside a run of another value than the one it started from', async () => {
  // Page 1 from 1 May: 500 of that day and 500 of the 2nd; page 2 from the 2nd past those 500: 700 more and 300 of
  // the 3rd; page 3 from the 3rd past those 300: nothing left.
  seed(2000, (i) => (i < 500 ? '2026-05-01' : i < 1700 ? '2026-05-02' : '2026-05-03'));
  const { store, queries } = recording(h.deps.store);
  const read = await findInRange(store, 'findings', {}, 'reportedAt', '2026-05-01', '2026-06-01');
  expect(read.map((d) => d._id)).toEqual(Array.from({ length: 2000 }, (_, i) => `f${String(i).padStart(4, '0')}`));
  expect(queries.map((q) => [(q.where?.reportedAt as { value: string }).value, q.offset])).toEqual([
    ['2026-05-01', 0],
    ['2026-05-02', 500],
    ['2026-05-03', 300],
  ]);
});

test('findInRange of an empty range, or one past every value, reads nothing', async () => {
  seed(4, (i) => ['a', 'b', 'c', 'd'][i]!);
  expect(await findInRange(h.deps.store, 'findings', {}, 'reportedAt', 'x', 'z')).toEqual([]);
  expect(await findInRange(h.deps.store, 'findings', {}, 'reportedAt', 'b', 'b')).toEqual([]);
  expect((await findInRange(h.deps.store, 'findings', {}, 'reportedAt', 'a', 'zz')).map((d) => d._id)).toEqual(['f0000', 'f0001', 'f0002', 'f0003']);
});

test('pageOf answers one page of views and the total, 20 from the start unless asked', async () => {
  seed(30, (i) => `2026-05-${String(1 + i).padStart(2, '0')}`, (i) => (i < 25 ? 'pending' : 'closed'));
  const orderBy: Query['orderBy'] = [['status', 'asc'], ['reportedAt', 'desc'], ['_id', 'asc']];
  const view = (d: { _id: string; reportedAt: string }) => `${d._id}@${d.reportedAt}`;
  const first = await pageOf(h.deps.store, 'findings', { status: 'pending' }, orderBy, {}, view);
  expect(first).toMatchObject({ total: 25, offset: 0, limit: 20 });
  expect(first.items).toHaveLength(20);
  expect(first.items[0]).toBe('f0024@2026-05-25');
  const later = await pageOf(h.deps.store, 'findings', { status: 'pending' }, orderBy, { offset: 20, limit: 3 }, view);
  expect(later).toEqual({ items: ['f0004@2026-05-05', 'f0003@2026-05-04', 'f0002@2026-05-03'], total: 25, offset: 20, limit: 3 });
});
