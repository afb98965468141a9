import Database from 'better-sqlite3';
import { COLLECTIONS } from '../../collections';
import { MAX_QUERY_LIMIT, type Condition, type Query, type Store, type Stored } from '../../ports/store';
import type { QueryObserver } from '../query-shapes';

// A table per collection: (id, version, body JSON). Queries become json_extract() expressions, and the
// indexes of collections.ts are created as expression indexes over the very same expressions.

const quote = (name: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad collection name: ${name}`);
  return `"${name}"`;
};
const fieldExpr = (field: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(field)) throw new Error(`bad field name: ${field}`);
  return field === '_id' ? 'id' : field === '_version' ? 'version' : `json_extract(body, '$.${field}')`;
};
const sqlValue = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
// CloudBase's SDK throws on a direction other than 'asc' and 'desc' (Validate.isFieldOrder); so does this store.
const direction = (d: string): string => {
  if (d !== 'asc' && d !== 'desc') throw new Error(`bad order direction: ${d}`);
  return d.toUpperCase();
};
const orderSql = (query: Query): string =>
  query.orderBy?.length ? ` ORDER BY ${query.orderBy.map(([f, d]) => `${fieldExpr(f)} ${direction(d)}`).join(', ')}` : '';
const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
// CloudBase (MongoDB) compares values of one type only: 1 is not true, '5' is not 5, 'a' is never above 5. SQLite
// compares across types (and json_extract() reads true as 1), so every comparison also checks the JSON type.
const jsonTypeExpr = (field: string): string =>
  field === '_id' ? `'text'` : field === '_version' ? `'integer'` : `IFNULL(json_type(body, '$.${field}'), 'missing')`;
const sameJsonType = (field: string, v: string | number | boolean): string =>
  `${jsonTypeExpr(field)} IN (${typeof v === 'string' ? `'text'` : typeof v === 'number' ? `'integer', 'real'` : `'${v}'`})`;

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly ready = new Set<string>();

  /** `observe` hears every find() and count(), for the index check (adapters/query-shapes.ts). */
  constructor(path: string, private readonly observe?: QueryObserver) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
  }

  close(): void {
    this.db.close();
  }

  private table(collection: string): string {
    const t = quote(collection);
    if (!this.ready.has(collection)) {
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL)`);
      for (const index of COLLECTIONS[collection] ?? []) {
        const cols = index.keys.map(([f, d]) => `${fieldExpr(f)} ${d.toUpperCase()}`).join(', ');
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${quote(`${collection}_${index.name}`)} ON ${t} (${cols})`);
      }
      this.ready.add(collection);
    }
    return t;
  }

  private static row<T>(r: { id: string; version: number; body: string }): Stored<T> {
    return { ...(JSON.parse(r.body) as T), _id: r.id, _version: r.version };
  }

  private static body(doc: object): string {
    const { _id: _i, _version: _v, ...rest } = doc as Record<string, unknown>;
    return JSON.stringify(rest);
  }

  async get<T extends object>(collection: string, id: string): Promise<Stored<T> | null> {
    const r = this.db.prepare(`SELECT id, version, body FROM ${this.table(collection)} WHERE id = ?`).get(id) as
      | { id: string; version: number; body: string }
      | undefined;
    return r ? SqliteStore.row<T>(r) : null;
  }

  async insert<T extends object>(collection: string, id: string, doc: T): Promise<boolean> {
    const info = this.db
      .prepare(`INSERT OR IGNORE INTO ${this.table(collection)} (id, version, body) VALUES (?, 1, ?)`)
      .run(id, SqliteStore.body(doc));
    return info.changes === 1;
  }

  async replace<T extends object>(collection: string, id: string, expectedVersion: number, doc: T): Promise<number | null> {
    const info = this.db
      .prepare(`UPDATE ${this.table(collection)} SET version = version + 1, body = ? WHERE id = ? AND version = ?`)
      .run(SqliteStore.body(doc), id, expectedVersion);
    return info.changes === 1 ? expectedVersion + 1 : null;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    return this.db.prepare(`DELETE FROM ${this.table(collection)} WHERE id = ?`).run(id).changes === 1;
  }

  private whereSql(where: Record<string, Condition> | undefined, params: unknown[]): string {
    const parts: string[] = [];
    for (const [field, cond] of Object.entries(where ?? {})) {
      const expr = fieldExpr(field);
      const equals = (v: string | number | boolean): string => {
        params.push(sqlValue(v));
        return `(${sameJsonType(field, v)} AND ${expr} = ?)`;
      };
      if (cond !== null && typeof cond === 'object') {
        if (cond.op === 'in') {
          // One IN (...) per JSON type, so the index serves the usual single-type list.
          const lists = [cond.value.filter((v) => typeof v === 'string'), cond.value.filter((v) => typeof v === 'number')];
          const perType = lists.filter((list) => list.length).map((list) => {
            params.push(...list);
            return `(${sameJsonType(field, list[0])} AND ${expr} IN (${list.map(() => '?').join(', ')}))`;
          });
          parts.push(perType.length ? `(${perType.join(' OR ')})` : '0');
        } else if (cond.op === 'neq') {
          parts.push(`NOT ${equals(cond.value)}`);
        } else {
          parts.push(`(${sameJsonType(field, cond.value)} AND ${expr} ${OPS[cond.op]} ?)`);
          params.push(cond.value);
        }
      } else if (cond === null) {
        parts.push(`${expr} IS NULL`);
      } else {
        parts.push(equals(cond));
      }
    }
    return parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
  }

  async find<T extends object>(collection: string, query: Query): Promise<Stored<T>[]> {
    this.observe?.(collection, query);
    const params: unknown[] = [];
    let sql = `SELECT id, version, body FROM ${this.table(collection)}${this.whereSql(query.where, params)}`;
    sql += orderSql(query);
    const limit = Math.min(query.limit ?? 100, MAX_QUERY_LIMIT);
    sql += ` LIMIT ? OFFSET ?`;
    params.push(limit, query.offset ?? 0);
    const rows = this.db.prepare(sql).all(...params) as { id: string; version: number; body: string }[];
    const docs = rows.map((r) => SqliteStore.row<T>(r));
    const fields = query.fields;
    if (!fields) return docs;
    // As CloudBase's projection: the fields asked for, and always the id and version.
    return docs.map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k === '_id' || k === '_version' || fields.includes(k))) as Stored<T>);
  }

  async count(collection: string, where?: Record<string, Condition>): Promise<number> {
    this.observe?.(collection, { where });
    const params: unknown[] = [];
    const sql = `SELECT COUNT(*) AS n FROM ${this.table(collection)}${this.whereSql(where, params)}`;
    return (this.db.prepare(sql).get(...params) as { n: number }).n;
  }

  /** SQLite's plan for a query, so tests can prove each listing is served by an index (not part of the port). */
  explain(collection: string, query: Query): string[] {
    const params: unknown[] = [];
    let sql = `SELECT id FROM ${this.table(collection)}${this.whereSql(query.where, params)}`;
    sql += orderSql(query);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql} LIMIT 20`).all(...params) as { detail: string }[]).map((r) => r.detail);
  }

  /** Runs many writes in one SQLite transaction (seeding and benchmarks only; not part of the port). */
  bulk(fn: () => void): void {
    this.db.transaction(fn)();
  }
}
