import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudbaseStore } from '../../../cloudfunctions/src/adapters/cloudbase/cloudbase-store';
import { SqliteStore } from '../../../cloudfunctions/src/adapters/local/sqlite-store';
import type { Json, Store, Stored } from '../../../cloudfunctions/src/ports/store';
import { type CloudbaseStandin, initWxServerSdk, startCloudbaseStandin } from '../../support/cloudbase-standin';

// One contract for the Store port, run against the local adapter (SQLite file) and the CloudBase adapter (the real
// wx-server-sdk talking to the loopback stand-in). Collections are real ones from collections.ts, so the local leg
// also runs over its expression indexes.

type Doc = Record<string, Json>;
const ids = (docs: Stored<Doc>[]): string[] => docs.map((d) => d._id);

function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });

    it('answers null for a missing document', async () => {
      expect(await store.get('cases', 'nobody')).toBeNull();
    });

    it('stores every kind of JSON value and gives it back unchanged, at version 1', async () => {
      const doc = {
        text: '踏勘 site ✓ 🚧',
        empty: '',
        integer: 42,
        negative: -7,
        fraction: 3.25,
        timestamp: 1_732_700_000_000,
        zero: 0,
        yes: true,
        no: false,
        nothing: null,
        nested: { deeper: { list: [1, 'two', null, { three: 3 }, [4, [5]]] }, emptyObject: {} },
        emptyList: [],
        mixed: [true, 0.5, 'x', false],
      };
      expect(await store.insert('cases', 'c1', doc)).toBe(true);
      expect(await store.get('cases', 'c1')).toStrictEqual({ ...doc, _id: 'c1', _version: 1 });
    });

    it('refuses an insert over a taken id and keeps the original', async () => {
      await store.insert('cases', 'c1', { state: 'original' });
      expect(await store.insert('cases', 'c1', { state: 'intruder', extra: 1 })).toBe(false);
      expect(await store.get('cases', 'c1')).toStrictEqual({ state: 'original', _id: 'c1', _version: 1 });
    });

    it('replaces at the expected version and bumps the version each time', async () => {
      await store.insert('cases', 'c1', { state: 'submitted' });
      expect(await store.replace('cases', 'c1', 1, { state: 'accepted' })).toBe(2);
      expect(await store.replace('cases', 'c1', 2, { state: 'closed' })).toBe(3);
      expect(await store.get('cases', 'c1')).toStrictEqual({ state: 'closed', _id: 'c1', _version: 3 });
    });

    it('accepts a document as it was read, its _id and _version included', async () => {
      await store.insert('cases', 'c1', { state: 'submitted' });
      const read = (await store.get<Doc>('cases', 'c1'))!;
      expect(await store.replace('cases', 'c1', read._version, { ...read, state: 'accepted' })).toBe(2);
      expect(await store.get('cases', 'c1')).toStrictEqual({ state: 'accepted', _id: 'c1', _version: 2 });
    });

    it('refuses a replace from a stale version, or of a missing document, and changes nothing', async () => {
      await store.insert('cases', 'c1', { state: 'submitted' });
      await store.replace('cases', 'c1', 1, { state: 'accepted' });
      expect(await store.replace('cases', 'c1', 1, { state: 'stale' })).toBeNull();
      expect(await store.replace('cases', 'nobody', 1, { state: 'ghost' })).toBeNull();
      expect(await store.get('cases', 'c1')).toStrictEqual({ state: 'accepted', _id: 'c1', _version: 2 });
      expect(await store.get('cases', 'nobody')).toBeNull();
    });

    it('lets exactly one of two concurrent replaces from the same version win', async () => {
      await store.insert('cases', 'c1', { state: 'submitted' });
      const results = await Promise.all([
        store.replace('cases', 'c1', 1, { state: 'accepted', by: 'first' }),
        store.replace('cases', 'c1', 1, { state: 'returned', by: 'second' }),
      ]);
      expect([...results].sort()).toEqual([2, null]);
      const winner = results[0] === 2 ? { state: 'accepted', by: 'first' } : { state: 'returned', by: 'second' };
      expect(await store.get('cases', 'c1')).toStrictEqual({ ...winner, _id: 'c1', _version: 2 });
    });

    it('replaces the whole document: dropped fields are gone, at any depth, and fields may change shape', async () => {
      await store.insert('cases', 'c1', {
        kept: 1,
        dropped: 'x',
        company: { name: 'A', creditCode: 'C1' },
        objectBecomesText: { a: 1 },
        textBecomesObject: 'flat',
        list: [1, 2, 3],
      });
      const replacement = { kept: 1, company: { name: 'A' }, objectBecomesText: 'flat', textBecomesObject: { a: 1 }, list: [] };
      expect(await store.replace('cases', 'c1', 1, replacement)).toBe(2);
      expect(await store.get('cases', 'c1')).toStrictEqual({ ...replacement, _id: 'c1', _version: 2 });
    });

    it('removes a document and says whether it existed', async () => {
      await store.insert('cases', 'c1', { state: 'submitted' });
      expect(await store.remove('cases', 'c1')).toBe(true);
      expect(await store.get('cases', 'c1')).toBeNull();
      expect(await store.remove('cases', 'c1')).toBe(false);
    });

    describe('find and count', () => {
      const seed: [string, Doc][] = [
        ['a', { state: 'submitted', score: 10, name: 'Alpha', company: { creditCode: 'C1', size: 5 }, urgent: true }],
        ['b', { state: 'accepted', score: 20, name: 'beta', company: { creditCode: 'C2', size: 50 }, urgent: false }],
        ['c', { state: 'submitted', score: 30, name: '张三', company: { creditCode: 'C3', size: 500 }, urgent: false }],
        ['d', { state: 'closed', score: 20, name: 'Delta', company: { creditCode: 'C1', size: 5 } }],
        ['e', { state: 'submitted', score: null, name: 'echo' }],
      ];
      beforeEach(async () => {
        for (const [id, doc] of seed) await store.insert('cases', id, doc);
      });
      const findIds = async (where: Parameters<Store['count']>[1]): Promise<string[]> =>
        ids(await store.find<Doc>('cases', { where, orderBy: [['_id', 'asc']] }));

      it('refuses an order with an empty field or a direction other than asc and desc, as the CloudBase SDK does', async () => {
        const refused = async (orderBy: unknown): Promise<unknown> =>
          store.find<Doc>('cases', { where: { state: 'submitted' }, orderBy: orderBy as [string, 'asc'][] }).then(() => 'answered', () => 'refused');
        expect(await refused([['score', '']])).toBe('refused');
        expect(await refused([['score', 'ascending']])).toBe('refused');
        expect(await refused([['', 'asc']])).toBe('refused');
        expect(await refused([['score', 'desc']])).toBe('answered');
      });

      it('returns stored documents, with _id and _version', async () => {
        const [found] = await store.find<Doc>('cases', { where: { name: 'Alpha' } });
        expect(found).toStrictEqual(await store.get('cases', 'a'));
      });

      it('returns only the fields asked for, with _id and _version, a nested object whole', async () => {
        const found = await store.find<Doc>('cases', { where: { state: 'submitted' }, orderBy: [['_id', 'asc']], fields: ['score', 'company'] });
        expect(found).toStrictEqual([
          { _id: 'a', _version: 1, score: 10, company: { creditCode: 'C1', size: 5 } },
          { _id: 'c', _version: 1, score: 30, company: { creditCode: 'C3', size: 500 } },
          { _id: 'e', _version: 1, score: null },
        ]);
      });

      it('matches equality on strings, numbers and booleans; null matches null and missing fields', async () => {
        expect(await findIds({ state: 'submitted' })).toEqual(['a', 'c', 'e']);
        expect(await findIds({ score: 20 })).toEqual(['b', 'd']);
        expect(await findIds({ urgent: false })).toEqual(['b', 'c']);
        expect(await findIds({ urgent: null })).toEqual(['d', 'e']);
        expect(await findIds({ score: null })).toEqual(['e']);
      });

      it('compares numbers with gt, gte, lt and lte, skipping null and missing values', async () => {
        expect(await findIds({ score: { op: 'gt', value: 10 } })).toEqual(['b', 'c', 'd']);
        expect(await findIds({ score: { op: 'gte', value: 20 } })).toEqual(['b', 'c', 'd']);
        expect(await findIds({ score: { op: 'lt', value: 20 } })).toEqual(['a']);
        expect(await findIds({ score: { op: 'lte', value: 20 } })).toEqual(['a', 'b', 'd']);
      });

      it('compares strings byte by byte in UTF-8 (capitals before lower case, Chinese after both)', async () => {
        expect(await findIds({ name: { op: 'gte', value: 'beta' } })).toEqual(['b', 'c', 'e']);
        expect(await findIds({ name: { op: 'lt', value: 'a' } })).toEqual(['a', 'd']);
      });

      it('matches neq, which includes documents missing the field', async () => {
        expect(await findIds({ state: { op: 'neq', value: 'submitted' } })).toEqual(['b', 'd']);
        expect(await findIds({ score: { op: 'neq', value: 20 } })).toEqual(['a', 'c', 'e']);
      });

      it('matches in, on strings and numbers; an empty list matches nothing', async () => {
        expect(await findIds({ state: { op: 'in', value: ['accepted', 'closed'] } })).toEqual(['b', 'd']);
        expect(await findIds({ score: { op: 'in', value: [10, 30] } })).toEqual(['a', 'c']);
        expect(await findIds({ state: { op: 'in', value: [] } })).toEqual([]);
      });

      it('reaches nested fields by dot path, and requires every condition', async () => {
        expect(await findIds({ 'company.creditCode': 'C1' })).toEqual(['a', 'd']);
        expect(await findIds({ 'company.size': { op: 'gte', value: 50 } })).toEqual(['b', 'c']);
        expect(await findIds({ state: 'submitted', score: { op: 'gt', value: 10 } })).toEqual(['c']);
      });

      it('orders by several keys, null and missing values first when ascending', async () => {
        const order = async (orderBy: [string, 'asc' | 'desc'][]): Promise<string[]> => ids(await store.find<Doc>('cases', { orderBy }));
        expect(await order([['score', 'desc'], ['name', 'asc']])).toEqual(['c', 'd', 'b', 'a', 'e']);
        expect(await order([['urgent', 'asc'], ['_id', 'asc']])).toEqual(['d', 'e', 'b', 'c', 'a']);
        expect(await order([['name', 'asc']])).toEqual(['a', 'd', 'b', 'e', 'c']);
        expect(await order([['company.size', 'desc'], ['_id', 'desc']])).toEqual(['c', 'b', 'd', 'a', 'e']);
      });

      it('pages with offset and limit', async () => {
        const page = async (offset: number): Promise<string[]> =>
          ids(await store.find<Doc>('cases', { orderBy: [['_id', 'asc']], offset, limit: 2 }));
        expect([await page(0), await page(2), await page(4), await page(6)]).toEqual([['a', 'b'], ['c', 'd'], ['e'], []]);
      });

      it('counts all documents or those matching', async () => {
        expect(await store.count('cases')).toBe(5);
        expect(await store.count('cases', { state: 'submitted' })).toBe(3);
        expect(await store.count('cases', { 'company.creditCode': 'C1', score: { op: 'lt', value: 15 } })).toBe(1);
        expect(await store.count('cases', { state: 'archived' })).toBe(0);
      });
    });

    it('compares only within one type: 1 is not true, "5" is not 5, and a string is never above a number', async () => {
      const values: [string, Json][] = [['five', 5], ['one', 1], ['text5', '5'], ['abc', 'abc'], ['yes', true], ['null', null]];
      for (const [id, v] of values) await store.insert('users', id, { v });
      await store.insert('users', 'missing', {});
      const match = async (where: Parameters<Store['count']>[1]): Promise<string[]> =>
        ids(await store.find<Doc>('users', { where, orderBy: [['_id', 'asc']] }));
      expect(await match({ v: { op: 'gt', value: 0 } })).toEqual(['five', 'one']);
      expect(await match({ v: { op: 'lt', value: 'zzz' } })).toEqual(['abc', 'text5']);
      expect(await match({ v: 1 })).toEqual(['one']);
      expect(await match({ v: true })).toEqual(['yes']);
      expect(await match({ v: '5' })).toEqual(['text5']);
      expect(await match({ v: { op: 'neq', value: 5 } })).toEqual(['abc', 'missing', 'null', 'one', 'text5', 'yes']);
      expect(await match({ v: { op: 'in', value: [5, 'abc'] } })).toEqual(['abc', 'five']);
    });

    it('returns 100 documents when no limit is given, and never more than 1000', async () => {
      const total = 1005;
      const all = Array.from({ length: total }, (_, i) => `e${String(i).padStart(4, '0')}`);
      for (let start = 0; start < total; start += 50) {
        await Promise.all(all.slice(start, start + 50).map((id, i) => store.insert('audit', id, { seq: start + i })));
      }
      expect(await store.count('audit')).toBe(total);
      expect(await store.find('audit', {})).toHaveLength(100);
      expect(await store.find('audit', { limit: 5000 })).toHaveLength(1000);
      expect(ids(await store.find<Doc>('audit', { orderBy: [['seq', 'asc']], offset: 1000, limit: 1000 }))).toEqual(all.slice(1000));
    });
  });
}

describe('SqliteStore (local)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-contract-'));
  const opened: SqliteStore[] = [];
  afterAll(() => {
    for (const store of opened) store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describeStoreContract('SqliteStore', async () => {
    const store = new SqliteStore(join(dir, `${opened.length}.sqlite`));
    opened.push(store);
    return store;
  });
});

describe('CloudbaseStore (wx-server-sdk against the CloudBase stand-in)', () => {
  let standin: CloudbaseStandin;
  let cloud: ReturnType<typeof initWxServerSdk>;
  beforeAll(async () => {
    standin = await startCloudbaseStandin();
    cloud = initWxServerSdk(standin);
  });
  afterEach(() => {
    expect(standin.unsupported).toEqual([]);
  });
  afterAll(() => standin.close());

  describeStoreContract('CloudbaseStore', async () => {
    standin.reset();
    return new CloudbaseStore(cloud);
  });

  describe('the stand-in', () => {
    it('refuses, loudly, a wire action the adapters do not use', async () => {
      // doc().set() is a replacing modifyDocument (merge: false), which the stand-in does not serve.
      const set = cloud.database().collection('cases').doc('c1').set({ data: { state: 'x' } }) as Promise<unknown>;
      await expect(set).rejects.toThrow(/500/);
      expect(standin.unsupported).toEqual([expect.stringContaining('merging update')]);
      standin.reset();
    });

    it('answers at most 100 documents a query, and the adapter reads on until a page comes back under 100', async () => {
      standin.reset();
      const store = new CloudbaseStore(cloud);
      for (let start = 0; start < 250; start += 50) {
        await Promise.all(Array.from({ length: 50 }, (_, i) => store.insert('audit', `a${String(start + i).padStart(3, '0')}`, { seq: start + i })));
      }
      const direct = await (cloud.database().collection('audit').limit(1000).get() as Promise<{ data: unknown[] }>);
      expect(direct.data).toHaveLength(100);
      let before = standin.requests.length;
      expect(await store.find('audit', { orderBy: [['_id', 'asc']], limit: 1000 })).toHaveLength(250);
      // 100 + 100 + 50: a page under the lower of the documented caps is the last.
      const reads = () => standin.requests.slice(before).filter((r) => r.action === 'database.getDocument');
      expect(reads()).toHaveLength(3);
      // 200 documents: two full pages, and the empty third tells the end.
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.remove('audit', `a${String(200 + i).padStart(3, '0')}`)));
      before = standin.requests.length;
      expect((await store.find('audit', { orderBy: [['_id', 'asc']], limit: 1000 })).map((d) => d._id)).toEqual(Array.from({ length: 200 }, (_, i) => `a${String(i).padStart(3, '0')}`));
      expect(reads()).toHaveLength(3);
      // Asked for 30, answered 30: no second read.
      before = standin.requests.length;
      expect(await store.find('audit', { orderBy: [['_id', 'asc']], limit: 30 })).toHaveLength(30);
      expect(reads()).toHaveLength(1);
    });

    it('an insert that fails for another reason than a taken id still fails', async () => {
      await expect(new CloudbaseStore(cloud).insert('no_such_collection', 'x', { a: 1 })).rejects.toMatchObject({ errCode: -502005 });
    });

    it('answers a collection that does not exist the way CloudBase does', async () => {
      await expect(new CloudbaseStore(cloud).get('no_such_collection', 'x')).rejects.toMatchObject({ errCode: -502005 });
    });
  });
});
