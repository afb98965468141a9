// The document store, shaped by what CloudBase can really do: documents by id, insert-if-absent,
// compare-and-set on a version field, equality/range queries with order, offset and limit.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A stored document: `_id` and `_version` are the store's; the rest is the caller's. */
export type Stored<T> = T & { _id: string; _version: number };

/** Equality with a scalar, or a comparison. */
export type Condition =
  | string
  | number
  | boolean
  | null
  | { op: 'gt' | 'gte' | 'lt' | 'lte' | 'neq'; value: string | number }
  | { op: 'in'; value: (string | number)[] };

export interface Query {
  /** Field (dot path allowed) → value or condition; all must hold. */
  where?: Record<string, Condition>;
  orderBy?: [field: string, direction: 'asc' | 'desc'][];
  offset?: number;
  /** 1..1000 (CloudBase's server-side maximum). */
  limit?: number;
  /**
   * Only these top-level fields come back (with `_id` and `_version`): a listing that counts reads no more than it
   * counts. Absent: whole documents.
   */
  fields?: string[];
}

export interface Store {
  get<T extends object>(collection: string, id: string): Promise<Stored<T> | null>;
  /** Inserts with version 1; returns false when the id is already taken (nothing changes). */
  insert<T extends object>(collection: string, id: string, doc: T): Promise<boolean>;
  /**
   * Replaces the document if its version is still `expectedVersion`, and bumps the version.
   * Returns the new version, or null when the document moved on or is gone (nothing changes).
   */
  replace<T extends object>(collection: string, id: string, expectedVersion: number, doc: T): Promise<number | null>;
  /** Removes a document; returns whether it existed. */
  remove(collection: string, id: string): Promise<boolean>;
  /** Up to `limit` documents (default 100, at most MAX_QUERY_LIMIT): fewer only when no more match. */
  find<T extends object>(collection: string, query: Query): Promise<Stored<T>[]>;
  count(collection: string, where?: Record<string, Condition>): Promise<number>;
}

export const MAX_QUERY_LIMIT = 1000;
