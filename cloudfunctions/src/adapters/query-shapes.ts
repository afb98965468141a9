import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexSpec } from '../collections';
import type { Query } from '../ports/store';

// What a query asks of the database, without its values: the collection, each condition's field and operator, the
// order. Both store adapters report the shapes they receive when RVI_QUERY_LOG names a folder (the test run sets
// it), and a test checks every shape the suites produced against the indexes of collections.ts.

export type ShapeOp = 'eq' | 'null' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'neq';

export interface QueryShape {
  collection: string;
  /** Field → operator, fields sorted. */
  where: Record<string, ShapeOp>;
  orderBy: [field: string, direction: 'asc' | 'desc'][];
}

/** Called by a store adapter with every find() and count() it receives. */
export type QueryObserver = (collection: string, query: Query) => void;

export function queryShapeOf(collection: string, query: Query): QueryShape {
  const where: Record<string, ShapeOp> = {};
  for (const field of Object.keys(query.where ?? {}).sort()) {
    const cond = query.where![field];
    where[field] = cond === null ? 'null' : typeof cond === 'object' ? cond.op : 'eq';
  }
  return { collection, where, orderBy: query.orderBy ?? [] };
}

/** One line per shape, stable, for logs and for sorting. */
export const shapeKey = (s: QueryShape): string =>
  `${s.collection} where ${Object.entries(s.where).map(([f, op]) => `${f} ${op}`).join(', ') || '-'} order ${s.orderBy.map(([f, d]) => `${f} ${d}`).join(', ') || '-'}`;

const EQUALITY: ShapeOp[] = ['eq', 'null', 'in'];

/**
 * The index that serves a shape, as CloudBase (MongoDB) uses one: the index's leading keys that the query fixes by
 * equality narrow the scan (other conditions are then filtered on what it reads), and the sort follows those keys
 * key by key, all in the index's direction or all reversed, so no sort happens in memory (MongoDB refuses one past
 * 32 MB). An index that narrows nothing serves only a sort, or a range on its first key. `_id` alone is the
 * primary key; a shape with no condition and no order needs no index; a collection in `scanned` may be read
 * whole. Answers the index name, 'primary', 'none', 'scan', or null when nothing serves it.
 */
export function servingIndex(shape: QueryShape, indexes: IndexSpec[], scanned: readonly string[] = []): string | null {
  const fields = Object.keys(shape.where);
  if (!fields.length && !shape.orderBy.length) return 'none';
  if (fields.every((f) => f === '_id') && shape.orderBy.every(([f]) => f === '_id')) return 'primary';
  const equals = fields.filter((f) => EQUALITY.includes(shape.where[f]!));
  const ranges = fields.filter((f) => !EQUALITY.includes(shape.where[f]!));
  // Sorting on a field the query fixes is trivially satisfied.
  const sort = shape.orderBy.filter(([f]) => !equals.includes(f));
  // Of the indexes that serve it, the one whose keys the query fixes most.
  let best: { name: string; fixed: number } | null = null;
  for (const index of indexes) {
    let fixed = 0;
    while (fixed < index.keys.length && equals.includes(index.keys[fixed]![0])) fixed++;
    const rest = index.keys.slice(fixed);
    const sortFits = sort.every(([f, d], i) => rest[i]?.[0] === f && (rest[i]![1] === d) === (rest[0]![1] === sort[0]![1]));
    const narrows = fixed > 0 || sort.length > 0 || ranges.includes(index.keys[0]![0]);
    if (sortFits && narrows && (!best || fixed > best.fixed)) best = { name: index.name, fixed };
  }
  return best?.name ?? (scanned.includes(shape.collection) ? 'scan' : null);
}

/** The observer that appends each new shape to `<folder>/<pid>.jsonl`, or none when RVI_QUERY_LOG is unset. */
export function queryLogFromEnv(env: NodeJS.ProcessEnv = process.env): QueryObserver | undefined {
  const folder = env.RVI_QUERY_LOG;
  if (!folder) return undefined;
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${process.pid}.jsonl`);
  const seen = new Set<string>();
  return (collection, query) => {
    const shape = queryShapeOf(collection, query);
    const key = shapeKey(shape);
    if (seen.has(key)) return;
    seen.add(key);
    appendFileSync(file, `${JSON.stringify(shape)}\n`);
  };
}
