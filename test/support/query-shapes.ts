import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, SCANNED_COLLECTIONS } from '../../cloudfunctions/src/collections';
import { type QueryShape, servingIndex, shapeKey } from '../../cloudfunctions/src/adapters/query-shapes';

// The query shapes the suites produced. Each run's store adapters write them into the folder RVI_QUERY_LOG
// (global-setup.js makes one); global-teardown.js merges them into RECORDED_SHAPES, kept in the repository so a
// new query shows up in review, and fails the run when one is served by no index of collections.ts. The file only
// grows: to drop shapes no code makes any more, delete it and run the cloud and end-to-end suites.

export const RECORDED_SHAPES = join(__dirname, 'recorded-query-shapes.json');

export const readShapesFile = (path = RECORDED_SHAPES): QueryShape[] =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as QueryShape[]) : [];

/** The shapes in a run's log folder (one JSON line per shape, a file per process). */
export function readLogFolder(folder: string | undefined): QueryShape[] {
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(folder, f), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as QueryShape));
}

/** Distinct shapes, sorted by their one-line form. */
export function distinctShapes(shapes: QueryShape[]): QueryShape[] {
  const byKey = new Map(shapes.map((s) => [shapeKey(s), s]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}

/** The shapes no index of collections.ts serves (or whose collection is not in it), as one-line forms. */
export const unservedShapes = (shapes: QueryShape[]): string[] =>
  shapes.filter((s) => !COLLECTIONS[s.collection] || servingIndex(s, COLLECTIONS[s.collection]!, SCANNED_COLLECTIONS) === null).map(shapeKey);

/** Merges a run's log folder into the recorded file; answers the shapes no index serves. */
export function recordRun(folder: string | undefined, path: string): { added: number; unserved: string[] } {
  const before = readShapesFile(path);
  const merged = distinctShapes([...before, ...readLogFolder(folder)]);
  if (merged.length !== before.length) writeFileSync(path, `[\n${merged.map((s) => JSON.stringify(s)).join(',\n')}\n]\n`);
  return { added: merged.length - before.length, unserved: unservedShapes(merged) };
}
