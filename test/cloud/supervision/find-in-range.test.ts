import { findInRange } from '../../../cloudfunctions/src/application/find-all';
import { type Harness, makeHarness } from '../../support/harness';

// Reading a range page by page (the draw reads a month's decided cases this way) must neither miss nor repeat a
// document, also when more documents than a page holds share one value at a page boundary.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('reads every document of the range once, in order, across pages and long runs of equal values', async () => {
  // 3,000 documents over five values; 'b' alone fills more than two pages of 1,000.
  const values = ['a', 'b', 'b', 'b', 'b', 'b', 'b', 'b', 'b', 'c', 'd', 'e'];
  const docs = Array.from({ length: 3000 }, (_, i) => ({ id: `doc-${String(i).padStart(4, '0')}`, reportedAt: values[(i * 5) % values.length]! }));
  h.deps.store.bulk(() => {
    for (const d of docs) void h.deps.store.insert('findings', d.id, { reportedAt: d.reportedAt, status: 'pending' });
  });
  const read = await findInRange<{ reportedAt: string }>(h.deps.store, 'findings', {}, 'reportedAt', 'b', 'e');
  const expected = docs
    .filter((d) => d.reportedAt >= 'b' && d.reportedAt < 'e')
    .sort((x, y) => x.reportedAt.localeCompare(y.reportedAt) || x.id.localeCompare(y.id))
    .map((d) => d.id);
  expect(read.map((d) => d._id)).toEqual(expected);
  expect(expected.length).toBeGreaterThan(2000);
});
