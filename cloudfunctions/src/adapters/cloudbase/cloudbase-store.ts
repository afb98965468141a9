import type * as WxServerSdk from 'wx-server-sdk';
import { MAX_QUERY_LIMIT, type Condition, type Query, type Store, type Stored } from '../../ports/store';
import type { QueryObserver } from '../query-shapes';

// The Store over CloudBase's database, through wx-server-sdk (the `cloud` module, already init()ed). Each document
// carries `_version` as an ordinary field next to the caller's fields; compare-and-set is
// `where({_id, _version}).update()`, and the server's `stats.updated` tells whether it applied.

type Database = ReturnType<typeof WxServerSdk.database>;

/** CloudBase's page size when a query names none. */
const DEFAULT_QUERY_LIMIT = 100;

/**
 * wx-server-sdk's typings add `void | string` for its callback style; called without callbacks, every API returns
 * a promise. Checked rather than cast, so a change in the SDK fails here and not somewhere downstream.
 */
function promised<T>(call: Promise<T> | void | string): Promise<T> {
  if (typeof call !== 'object' || typeof call.then !== 'function') throw new Error('wx-server-sdk returned no promise');
  return call;
}

/**
 * How many documents one query may answer. The docs say 1000 in the `limit` reference and 100 in the read guide;
 * find() asks for up to this many and keeps reading until it has what the caller asked for or the server answers
 * fewer than the lower of the two caps (then no more match), so a lower cap costs round trips, never documents.
 */
const PAGE_REQUEST = 1000;
const LOWEST_CAP = 100;

/** The caller's fields: `_id` and `_version` belong to the store. */
function bodyOf(doc: object): Record<string, unknown> {
  const { _id: _i, _version: _v, ...body } = doc as Record<string, unknown>;
  return body;
}

export class CloudbaseStore implements Store {
  private readonly db: Database;

  /** `observe` hears every find() and count(), for the index check (adapters/query-shapes.ts). */
  constructor(cloud: Pick<typeof WxServerSdk, 'database'>, private readonly observe?: QueryObserver) {
    this.db = cloud.database();
  }

  async get<T extends object>(collection: string, id: string): Promise<Stored<T> | null> {
    // A where() query answers an empty list for a missing document, where doc(id).get() throws.
    const { data } = await promised(this.db.collection(collection).where({ _id: id }).limit(1).get());
    return data.length ? (data[0] as Stored<T>) : null;
  }

  async insert<T extends object>(collection: string, id: string, doc: T): Promise<boolean> {
    try {
      await promised(this.db.collection(collection).add({ data: { ...bodyOf(doc), _id: id, _version: 1 } }));
      return true;
    } catch (error) {
      // The server's answer to a taken `_id` is a generic DATABASE_REQUEST_FAILED whose text is not documented, so
      // the document itself decides: there, the id was taken (by this insert too, if its answer was lost: the
      // caller then reads it as a concurrent insert, which it handles); absent, the failure was something else.
      if (await this.get(collection, id)) return false;
      throw error;
    }
  }

  async replace<T extends object>(collection: string, id: string, expectedVersion: number, doc: T): Promise<number | null> {
    // update() merges, and it flattens nested objects into dot paths, so a plain update would keep fields the new
    // document dropped. Instead every field is set whole with _.set(), and fields of the version being replaced
    // that the new document lacks are removed with _.remove(). Reading that version first is safe: the update
    // applies only while `_version` is still `expectedVersion`, i.e. to exactly the document read.
    const current = await this.get<Record<string, unknown>>(collection, id);
    if (!current || current._version !== expectedVersion) return null;
    const _ = this.db.command;
    const body = bodyOf(doc);
    const data: Record<string, unknown> = {};
    for (const field of Object.keys(bodyOf(current))) if (!(field in body)) data[field] = _.remove();
    for (const [field, value] of Object.entries(body)) data[field] = _.set(value);
    data._version = expectedVersion + 1;
    const { stats } = await promised(
      this.db.collection(collection).where({ _id: id, _version: expectedVersion }).update({ data }),
    );
    return stats.updated === 1 ? expectedVersion + 1 : null;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    const { stats } = await promised(this.db.collection(collection).doc(id).remove());
    return stats.removed === 1;
  }

  async find<T extends object>(collection: string, query: Query): Promise<Stored<T>[]> {
    this.observe?.(collection, query);
    const wanted = Math.min(query.limit ?? DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT);
    const found: Stored<T>[] = [];
    while (found.length < wanted) {
      let selection = this.db.collection(collection).where(this.conditions(query.where));
      for (const [field, direction] of query.orderBy ?? []) selection = selection.orderBy(field, direction);
      const offset = (query.offset ?? 0) + found.length;
      if (offset) selection = selection.skip(offset);
      const asked = Math.min(wanted - found.length, PAGE_REQUEST);
      selection = selection.limit(asked);
      if (query.fields) selection = selection.field(Object.fromEntries([...query.fields, '_version'].map((f) => [f, true])));
      const { data } = await promised(selection.get());
      found.push(...(data as Stored<T>[]));
      if (data.length < Math.min(asked, LOWEST_CAP)) break;
    }
    return found;
  }

  async count(collection: string, where?: Record<string, Condition>): Promise<number> {
    this.observe?.(collection, { where });
    const { total } = await promised(this.db.collection(collection).where(this.conditions(where)).count());
    return total;
  }

  /** The port's conditions as a where() object: dot paths pass through, comparisons become db.command operators. */
  private conditions(where: Record<string, Condition> | undefined): Record<string, unknown> {
    const _ = this.db.command;
    const translated: Record<string, unknown> = {};
    for (const [field, cond] of Object.entries(where ?? {})) {
      if (cond === null || typeof cond !== 'object') translated[field] = cond;
      else if (cond.op === 'in') translated[field] = _.in(cond.value);
      else translated[field] = _[cond.op](cond.value);
    }
    return translated;
  }
}
