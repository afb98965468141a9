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

test('findAll reads page after page until one comes back short', async () => {
  seed(2500, (i) => `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`);
  const { store, queries } = recording(h.deps.store);
  // Newest first, then by id, as listFindings reads them.
  const orderBy: Query['orderBy'] = [['reportedAt', 'desc'], ['_id', 'asc']];
  const all = await findAll<{ reportedAt: string }>(store, 'findings', { where: {}, orderBy });
  expect(all).toHaveLength(2500);
  expect(new Set(all.map((d) => d._id)).size).toBe(2500);
  const ordered = [...all].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt) || a._id.localeCompare(b._id));
  expect(all.map((d) => d._id)).toEqual(ordered.map((d) => d._id));
  // 1000 + 1000 + 500: the short page is the end, nothing more is asked.
  expect(queries.map((q) => [q.offset, q.limit])).toEqual([[0, 1000], [1000, 1000], [2000, 1000]]);
  expect(queries.every((q) => q.orderBy === orderBy)).toBe(true);
});

test('findAll of exactly a page asks once more, and that empty page ends it', async () => {
  seed(1000, () => '2026-05-01');
  const { store, queries } = recording(h.deps.store);
  expect(await findAll(store, 'findings', { where: {}, orderBy: [['reportedAt', 'desc'], ['_id', 'asc']] })).toHaveLength(1000);
  expect(queries.map((q) => [q.offset, q.limit])).toEqual([[0, 1000], [1000, 1000]]);
});

test('findAll of nothing asks once', async () => {
  const { store, queries } = recording(h.deps.store);
  expect(await findAll(store, 'findings', { where: {}, orderBy: [['reportedAt', 'desc'], ['_id', 'asc']] })).toEqual([]);
  expect(queries).toHaveLength(1);
});

test('findInRange keeps the other conditions, ends before the upper bound, and reads the range field with the fields asked', async () => {
  // As the statistics read a mode's decided cases: b: c01 c05 c09 (c09 on site); c: c02 c06 c10 (c06 on site).
  h.deps.store.bulk(() => {
    for (let i = 0; i < 12; i++) {
      void h.deps.store.insert('cases', `c${String(i).padStart(2, '0')}`, { decidedAt: ['a', 'b', 'c', 'd'][i % 4], mode: i % 3 === 0 ? 'onsite' : 'remote', note: `n${i}` });
    }
  });
  const { store, queries } = recording(h.deps.store);
  const read = await findInRange<{ decidedAt: string; mode: string; note?: string }>(store, 'cases', { mode: 'remote' }, 'decidedAt', 'b', 'd', ['mode']);
  expect(read.map((d) => [d._id, d.decidedAt, d.mode])).toEqual([
    ['c01', 'b', 'remote'],
    ['c05', 'b', 'remote'],
    ['c02', 'c', 'remote'],
    ['c10', 'c', 'remote'],
  ]);
  expect(read.every((d) => d.note === undefined)).toBe(true);
  expect(queries[0]).toEqual({
    where: { mode: 'remote', decidedAt: { op: 'gte', value: 'b' } },
    orderBy: [['decidedAt', 'asc'], ['_id', 'asc']],
    offset: 0,
    limit: 1000,
    fields: ['mode', 'decidedAt'],
  });
  // Without `fields`, whole documents.
  const whole = await findInRange<{ note: string }>(h.deps.store, 'cases', { mode: 'remote' }, 'decidedAt', 'b', 'c');
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
  const orderBy: Query['orderBy'] = [['reportedAt', 'desc'], ['_id', 'asc']];
  const view = (d: { _id: string; reportedAt: string }) => `${d._id}@${d.reportedAt}`;
  const first = await pageOf(h.deps.store, 'findings', { status: 'pending' }, orderBy, {}, view);
  expect(first).toMatchObject({ total: 25, offset: 0, limit: 20 });
  expect(first.items).toHaveLength(20);
  expect(first.items[0]).toBe('f0024@2026-05-25');
  const later = await pageOf(h.deps.store, 'findings', { status: 'pending' }, orderBy, { offset: 20, limit: 3 }, view);
  expect(later).toEqual({ items: ['f0004@2026-05-05', 'f0003@2026-05-04', 'f0002@2026-05-03'], total: 25, offset: 20, limit: 3 });
});
