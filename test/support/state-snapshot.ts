import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/src/collections';
import type { Harness } from './harness';

// Everything an action could change, read straight from the adapters: every document's id and version in every
// collection of collections.ts, and every file in the files folder with its size and hash. Two equal snapshots
// mean nothing changed; the difference of two says which collections (and whether the files) changed.

/** A collection of collections.ts, or the stored files. */
export type StatePart = keyof typeof COLLECTIONS | 'files';

export interface StateSnapshot {
  /** Part → (document id or file path → version or hash). */
  parts: Map<StatePart, Map<string, string>>;
}

/** The folder FolderFiles keeps its files in. */
const filesRoot = (h: Harness): string => dirname(h.deps.files.pathOf('local://probe'));

function listFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

export async function stateOf(h: Harness): Promise<StateSnapshot> {
  const parts = new Map<StatePart, Map<string, string>>();
  for (const name of Object.keys(COLLECTIONS)) {
    const docs = await h.deps.store.find<object>(name, { orderBy: [['_id', 'asc']], limit: 1000 });
    parts.set(name, new Map(docs.map((d) => [d._id, String(d._version)])));
  }
  parts.set('files', listFiles(filesRoot(h)));
  return { parts };
}

const sameMap = (a: Map<string, string>, b: Map<string, string>): boolean =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** The parts whose documents or files differ between two snapshots, sorted. */
export function changedParts(before: StateSnapshot, after: StateSnapshot): StatePart[] {
  return [...after.parts.keys()].filter((part) => !sameMap(before.parts.get(part) ?? new Map(), after.parts.get(part)!)).sort();
}

/** Ids present in `after` but not in `before`, in one part. */
export const addedIds = (before: StateSnapshot, after: StateSnapshot, part: StatePart): string[] =>
  [...(after.parts.get(part)?.keys() ?? [])].filter((id) => !before.parts.get(part)?.has(id));

/** Ids present in `before` that are gone or changed in `after`, in one part. */
export const touchedIds = (before: StateSnapshot, after: StateSnapshot, part: StatePart): string[] =>
  [...(before.parts.get(part) ?? new Map())].filter(([id, v]) => after.parts.get(part)?.get(id) !== v).map(([id]) => id);

/** A snapshot as one string, for equality checks in properties. */
export const snapshotText = (s: StateSnapshot): string =>
  [...s.parts].map(([part, docs]) => `${part}:${[...docs].map(([id, v]) => `${id}@${v}`).join(',')}`).join('\n');
