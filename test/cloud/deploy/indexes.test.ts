import { type QueryShape, servingIndex, shapeKey } from '../../../cloudfunctions/src/adapters/query-shapes';
import { COLLECTIONS, type IndexSpec, SCANNED_COLLECTIONS } from '../../../cloudfunctions/src/collections';
import type { Condition, Query } from '../../../cloudfunctions/src/ports/store';
import { type Harness, makeHarness } from '../../support/harness';
import { distinctShapes, RECORDED_SHAPES, readLogFolder, readShapesFile } from '../../support/query-shapes';

// Every query the product makes must be served by an index, in the local store as in CloudBase (same index list).
// The queries are not listed here by hand: both store adapters record the shape of every find() and count() they
// receive across the cloud and end-to-end suites (test/support/recorded-query-shapes.json, plus this run's so far),
// and each is checked against collections.ts — by CloudBase's rule and by SQLite's own query plan.

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const recorded = distinctShapes([...readShapesFile(RECORDED_SHAPES), ...readLogFolder(process.env.RVI_QUERY_LOG)]);

/** A query of this shape with stand-in values. */
function queryOf(shape: QueryShape): Query {
  const where: Record<string, Condition> = {};
  for (const [field, op] of Object.entries(shape.where)) {
    where[field] = op === 'eq' ? 'x' : op === 'null' ? null : op === 'in' ? { op, value: ['a', 'b'] } : { op, value: 'x' };
  }
  return { where, orderBy: shape.orderBy };
}

test('the suites recorded the queries of every listing users page through', () => {
  const used = new Set(recorded.map((s) => `${s.collection}.${servingIndex(s, COLLECTIONS[s.collection] ?? [], SCANNED_COLLECTIONS)}`));
  const unused = Object.entries(COLLECTIONS).flatMap(([c, indexes]) => indexes.map((i) => `${c}.${i.name}`)).filter((i) => !used.has(i));
  console.log(`index check: ${recorded.length} recorded query shapes over ${new Set(recorded.map((s) => s.collection)).size} collections; indexes no recorded query chose: ${unused.join(', ') || 'none'}`);
  const keys = recorded.map(shapeKey);
  // The lists behind the main pages: each must have been exercised, so the check below is not vacuous.
  expect(keys).toEqual(expect.arrayContaining([
    'cases where applicantId eq order submittedAt desc',
    'cases where sectionCode eq, state eq order submittedAt asc',
    'audit where caseId eq order at desc',
    'outbox where to eq order createdAt desc',
  ]));
});

test.each(recorded.map((s) => [shapeKey(s), s] as const))('%s is served by an index', (_key, shape) => {
  const index = servingIndex(shape, COLLECTIONS[shape.collection] ?? [], SCANNED_COLLECTIONS);
  expect(index).not.toBeNull();
  if (index === 'none' || index === 'primary' || index === 'scan') return;
  // The local store too: SQLite's plan reads through an index of the collection, and sorts nothing itself (except
  // after an `in`, whose values SQLite reads one by one where MongoDB merges them in order).
  const plan = h.deps.store.explain(shape.collection, queryOf(shape)).join(' | ');
  expect(plan).toMatch(new RegExp(`USING (COVERING )?INDEX ${shape.collection}_|USING INDEX sqlite_autoindex|USING PRIMARY KEY`));
  if (!Object.values(shape.where).includes('in')) expect(plan).not.toMatch(/USE TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY/);
});

describe('which index serves a shape, as CloudBase chooses', () => {
  const indexes: IndexSpec[] = [
    { name: 'by_case', keys: [['caseId', 'asc'], ['at', 'asc']] },
    { name: 'by_handler', keys: [['handlerId', 'asc']] },
    { name: 'by_handler_state', keys: [['handlerId', 'asc'], ['state', 'asc'], ['acceptedAt', 'asc']] },
  ];
  const shape = (where: QueryShape['where'], orderBy: QueryShape['orderBy'] = []): QueryShape => ({ collection: 'c', where, orderBy });
  test.each([
    ['equality on the leading key, sorted either way', shape({ caseId: 'eq' }, [['at', 'desc']]), 'by_case'],
    ['a range on the first key', shape({ caseId: 'gt' }), 'by_case'],
    ['equalities in any order, then the sort', shape({ state: 'in', handlerId: 'eq' }, [['acceptedAt', 'asc']]), 'by_handler_state'],
    ['the index the query fixes most', shape({ handlerId: 'eq', state: 'eq' }), 'by_handler_state'],
    ['a range on a key after the equalities', shape({ handlerId: 'eq', state: 'eq', acceptedAt: 'lt' }), 'by_handler_state'],
    ['no condition and no order', shape({}), 'none'],
    ['the primary key', shape({ _id: 'eq' }, [['_id', 'asc']]), 'primary'],
    ['a sort that skips a key', shape({ handlerId: 'eq' }, [['acceptedAt', 'asc']]), null],
    ['an equality not leading', shape({ at: 'eq' }), null],
    ['an equality the index lacks, filtered after it', shape({ caseId: 'eq', kind: 'eq' }), 'by_case'],
    ['a sort the fixed keys do not lead to', shape({ kind: 'eq' }, [['at', 'asc']]), null],
    ['a range on a key that is not first, with nothing fixed', shape({ at: 'gte' }), null],
    ['a sort on a field in no index', shape({}, [['createdAt', 'desc']]), null],
    ['sort keys in mixed directions against the index', shape({}, [['caseId', 'asc'], ['at', 'desc']]), null],
  ])('%s', (_what, s, expected) => {
    expect(servingIndex(s, indexes)).toBe(expected);
  });

  test('a collection declared as scanned is read whole; any other needs an index', () => {
    const unindexed = shape({ sectionCode: 'eq' });
    expect(servingIndex({ ...unindexed, collection: 'matters' }, [], ['matters'])).toBe('scan');
    expect(servingIndex(unindexed, [], ['matters'])).toBeNull();
  });
});
