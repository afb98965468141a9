import { createHash, createHmac } from 'node:crypto';
import {
  type DrawCase,
  type DrawRecord,
  GENESIS_DRAW_HASH,
  MonthlyDrawError,
  allocate,
  drawMonth,
  drawSeed,
  hashDrawRecord,
  hashPopulation,
  populationOf,
  sampleSize,
  seededRandom,
  selectCases,
  verifyDraw,
} from '../../../cloudfunctions/src/domain/monthly-draw';

// The monthly draw's refusals and the verifier's reports, word for word: what a user or an auditor reads when an
// input or a stored record is wrong (the draw itself is pinned in monthly-draw.test.ts).

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const AFTER_MAY = new Date('2026-06-01T01:00:00+08:00');
const remote = (id: string, matterCode: string, decidedAt: DrawCase['decidedAt'], number = `DL-${id}`): DrawCase => ({ id, number, matterCode, mode: 'remote', decidedAt });

function refusal(action: () => unknown): { code: string; message: string } | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof MonthlyDrawError && error.name === 'MonthlyDrawError') return { code: error.code, message: error.message };
    return { code: `not a MonthlyDrawError: ${String(error)}`, message: '' };
  }
  return undefined;
}

describe('input refused with a message a user can act on', () => {
  test('a month that is not YYYY-MM, or not text', () => {
    expect(refusal(() => populationOf([], '2026-13'))).toEqual({ code: 'MONTH_INVALID', message: '月份格式应为 YYYY-MM：2026-13' });
    expect(refusal(() => populationOf([], ['2026-05'] as unknown as string))).toEqual({ code: 'MONTH_INVALID', message: '月份格式应为 YYYY-MM：2026-05' });
    expect(refusal(() => drawSeed({ month: '2026-5', populationHash: GENESIS_DRAW_HASH, previousDrawHash: GENESIS_DRAW_HASH }))?.code).toBe('MONTH_INVALID');
  });

  test('a hash that is not 64 lower-case hex digits, or not text, named by its field', () => {
    const good = sha256('x');
    expect(refusal(() => drawSeed({ month: '2026-05', populationHash: good.toUpperCase(), previousDrawHash: good }))).toEqual({
      code: 'HASH_INVALID',
      message: 'populationHash 应为 64 位小写十六进制 SHA-256 值',
    });
    expect(refusal(() => drawSeed({ month: '2026-05', populationHash: good, previousDrawHash: [good] as unknown as string }))).toEqual({
      code: 'HASH_INVALID',
      message: 'previousDrawHash 应为 64 位小写十六进制 SHA-256 值',
    });
    expect(refusal(() => seededRandom('abc'))).toEqual({ code: 'HASH_INVALID', message: 'seed 应为 64 位小写十六进制 SHA-256 值' });
    expect(refusal(() => drawMonth({ month: '2026-05', cases: [], previousDrawHash: 'f'.repeat(63), now: AFTER_MAY }))).toEqual({
      code: 'HASH_INVALID',
      message: 'previousDrawHash 应为 64 位小写十六进制 SHA-256 值',
    });
  });

  test('a case decided in the month with an empty, non-text or control-character field', () => {
    const at = '2026-05-02T10:00:00+08:00';
    expect(refusal(() => populationOf([remote('', 'A', at)], '2026-05'))).toEqual({ code: 'CASE_INVALID', message: '办件  的 id 为空或含有控制字符，无法纳入抽查样本' });
    expect(refusal(() => populationOf([{ ...remote('x', 'A', at), id: 7 as unknown as string }], '2026-05'))).toEqual({
      code: 'CASE_INVALID',
      message: '办件 7 的 id 为空或含有控制字符，无法纳入抽查样本',
    });
    expect(refusal(() => populationOf([remote('x', 'A', at, '')], '2026-05'))).toEqual({ code: 'CASE_INVALID', message: '办件 x 的 办件编号 为空或含有控制字符，无法纳入抽查样本' });
    expect(refusal(() => populationOf([remote('x', 'A\u007f', at)], '2026-05'))).toEqual({ code: 'CASE_INVALID', message: '办件 x 的 事项编码 为空或含有控制字符，无法纳入抽查样本' });
    expect(refusal(() => populationOf([remote('x', '\ud800', at)], '2026-05'))?.code).toBe('CASE_INVALID');
    expect(refusal(() => populationOf([remote('x', 'A', at), remote('x', 'B', at)], '2026-05'))).toEqual({ code: 'CASE_DUPLICATE', message: '办件 x 重复出现，抽查总体不唯一' });
  });

  test('a decision time that is not an ISO instant with a zone, or is impossible, is refused, not rolled over', () => {
    const refused = (decidedAt: unknown) => refusal(() => populationOf([remote('x', 'A', decidedAt as DrawCase['decidedAt'])], '2026-05'));
    expect(refused('2026-05-10 10:00')).toEqual({ code: 'CASE_INVALID', message: '办件 x 的办结时间不是带时区的 ISO 时间：2026-05-10 10:00' });
    for (const bad of ['2026-13-05T10:00:00Z', '2026-05-32T10:00:00Z', '2026-05-10T24:00:00Z', '2026-05-10T10:60:00Z', '2026-05-10T10:00:60Z', '2026-05-10T10:00:00+24:00', '2026-05-10T10:00:00+08:60']) {
      expect([bad, refused(bad)?.code]).toEqual([bad, 'CASE_INVALID']);
    }
    // Not text, even when it reads as an instant; a Date outside years 1–9999.
    expect(refused(['2026-05-10T10:00:00+08:00'])?.code).toBe('CASE_INVALID');
    expect(refused(new Date(Date.UTC(10000, 0, 1)))?.code).toBe('CASE_INVALID');
    const yearZero = new Date(Date.UTC(2000, 5, 1));
    yearZero.setUTCFullYear(0);
    expect(refused(yearZero)?.code).toBe('CASE_INVALID');
    expect(refused(new Date(Number.NaN))?.code).toBe('CASE_INVALID');
  });

  test('the edges of what a decision time may be are accepted', () => {
    const cases = [
      remote('a', 'A', '2026-05-10T10:00:00+23:00'),
      remote('b', 'A', '2026-05-10T10:00:00+08:59'),
      remote('c', 'A', '2026-05-10T10:00:59.5Z'),
      remote('d', 'A', '2026-05-10T10:00Z'),
      remote('e', 'A', new Date('2026-05-10T02:00:00.000Z')),
      // Years 1 and 9999 are instants, just not in May 2026; undecided cases are skipped.
      remote('f', 'A', '0001-01-01T00:00:00Z'),
      remote('g', 'A', '9999-12-31T23:59:59Z'),
      remote('h', 'A', null),
      remote('i', 'A', undefined),
    ];
    expect(populationOf(cases, '2026-05').entries.map((e) => [e.id, e.decidedAt])).toEqual([
      ['a', '2026-05-09T11:00:00.000Z'],
      ['b', '2026-05-10T01:01:00.000Z'],
      ['c', '2026-05-10T10:00:59.500Z'],
      ['d', '2026-05-10T10:00:00.000Z'],
      ['e', '2026-05-10T02:00:00.000Z'],
    ]);
  });

  test('sizes and shares out of range', () => {
    expect(refusal(() => sampleSize(-1))).toEqual({ code: 'SIZE_INVALID', message: '案件数须为非负整数：-1' });
    expect(refusal(() => sampleSize(1.5))?.code).toBe('SIZE_INVALID');
    expect(refusal(() => sampleSize(10, 10001))).toEqual({ code: 'SHARE_INVALID', message: '抽查比例须为 1000 至 10000 之间的整数个万分点（10% 至 100%）：10001' });
    expect(refusal(() => sampleSize(10, 999))).toEqual({ code: 'SHARE_TOO_LOW', message: '抽查比例不得低于 10%（1000 个万分点，津丽政务〔2022〕7号）：999' });
    expect(sampleSize(10, 10000)).toBe(10);
    const population = populationOf([remote('a', 'A', '2026-05-02T10:00:00Z'), remote('b', 'B', '2026-05-02T10:00:00Z')], '2026-05').entries;
    expect(refusal(() => allocate(population, -1))).toEqual({ code: 'SIZE_INVALID', message: '抽取数须在 0 与总体数量之间：-1' });
    expect(refusal(() => allocate(population, 1.5))?.code).toBe('SIZE_INVALID');
    expect(refusal(() => allocate(population, 3))?.code).toBe('SIZE_INVALID');
    expect(allocate(population, 2)).toEqual([{ matterCode: 'A', cases: 1, drawn: 1 }, { matterCode: 'B', cases: 1, drawn: 1 }]);
    expect(refusal(() => selectCases(population, [{ matterCode: 'A', cases: 1, drawn: 2 }], sha256('s')))).toEqual({ code: 'SIZE_INVALID', message: '事项 A 的抽取数超过其案件数' });
  });

  test('a draw before the month is over in China, or without a valid now', () => {
    expect(refusal(() => drawMonth({ month: '2026-05', cases: [], previousDrawHash: null, now: new Date('2026-05-31T23:59:59+08:00') }))).toEqual({
      code: 'MONTH_NOT_CLOSED',
      message: '2026-05 尚未结束（北京时间），不能抽取',
    });
    const noNow = { code: 'MONTH_NOT_CLOSED', message: '缺少当前时间，无法判断月份是否已结束' };
    expect(refusal(() => drawMonth({ month: '2026-05', cases: [], previousDrawHash: null, now: new Date(Number.NaN) }))).toEqual(noNow);
    expect(refusal(() => drawMonth({ month: '2026-05', cases: [], previousDrawHash: null, now: '2026-07-01T00:00:00Z' as unknown as Date }))).toEqual(noNow);
  });
});

describe('the random stream rejects words that would bias a bound', () => {
  /** The stream's words computed here from its definition: HMAC-SHA256(seed, 8-byte big-endian counter). */
  const words = (seedHex: string, blocks: number): number[] =>
    Array.from({ length: blocks }, (_, c) => {
      const message = Buffer.alloc(8);
      message.writeBigUInt64BE(BigInt(c));
      const block = createHmac('sha256', Buffer.from(seedHex, 'hex')).update(message).digest();
      return Array.from({ length: 8 }, (__, i) => block.readUInt32BE(i * 4));
    }).flat();

  test('bounds from 1 to 2³² are accepted; others refused', () => {
    const random = seededRandom(sha256('bounds'));
    expect(random.uniformInt(1)).toBe(0);
    expect(random.uniformInt(2 ** 32)).toBe(words(sha256('bounds'), 1)[1]);
    for (const bad of [0, -1, 1.5, 2 ** 32 + 1]) expect(refusal(() => random.uniformInt(bad))).toEqual({ code: 'SIZE_INVALID', message: `随机数范围无效：${bad}` });
  });

  test('a word at or above the largest multiple of the bound is skipped', () => {
    // A seed whose first word is above 2³¹: with that word as the bound, the largest multiple is the word itself.
    let seed = '';
    for (let i = 0; i < 100 && !seed; i++) if (words(sha256(`seed-${i}`), 1)[0]! > 2 ** 31) seed = sha256(`seed-${i}`);
    expect(seed).not.toBe('');
    const stream = words(seed, 2);
    const bound = stream[0]!;
    const firstBelow = stream.findIndex((w, i) => i > 0 && w < bound);
    expect(firstBelow).toBeGreaterThan(0);
    const random = seededRandom(seed);
    expect(random.uniformInt(bound)).toBe(stream[firstBelow]! % bound);
    // And no more words were read than that.
    expect(random.nextUint32()).toBe(stream[firstBelow + 1]);
  });
});

describe('verifyDraw reports each problem in words', () => {
  const cases = Array.from({ length: 25 }, (_, i) =>
    remote(`c${String(i).padStart(2, '0')}`, ['A', 'B', 'C'][i % 3]!, `2026-05-${String(1 + i).padStart(2, '0')}T10:00:00+08:00`),
  );
  const april = drawMonth({ month: '2026-04', cases: [remote('a1', 'A', '2026-04-03T10:00:00+08:00')], previousDrawHash: null, now: AFTER_MAY });
  const record = drawMonth({ month: '2026-05', cases, previousDrawHash: april.drawHash, now: AFTER_MAY });
  const copy = (): DrawRecord => structuredClone(record);
  const rehash = (r: DrawRecord): DrawRecord => ({ ...r, drawHash: hashDrawRecord(r) });
  /** A record over a changed population, rehashed all through, so that only the named problem remains. */
  const consistent = (r: DrawRecord): DrawRecord => rehash({ ...r, populationHash: hashPopulation(r.population) });

  test('a sound record is ok; a faulty one is not', () => {
    expect(verifyDraw(record, cases, april)).toEqual({ ok: true, problems: [], codes: [] });
    expect(verifyDraw({ ...copy(), drawHash: sha256('x') })).toEqual({
      ok: false,
      problems: ['DRAW_HASH: 抽查记录哈希与记录内容不一致，记录可能被改动'],
      codes: ['DRAW_HASH'],
    });
  });

  test('a malformed record names the fields; an unknown version or share says so and stops', () => {
    const missing = verifyDraw({ ...copy(), seed: undefined, allocation: [{ matterCode: 'A' }] });
    expect(missing.codes).toEqual(['FORMAT']);
    expect(missing.problems).toEqual(['FORMAT: 抽查记录格式不完整或有误：seed，allocation.0.cases，allocation.0.drawn']);
    expect(verifyDraw({ ...copy(), algorithmVersion: 'monthly-draw/v0' }).problems).toEqual(['ALGORITHM_VERSION: 不支持的抽查算法版本 monthly-draw/v0，本程序为 monthly-draw/v1']);
    expect(verifyDraw({ ...copy(), shareBasisPoints: 500 }).problems).toEqual([
      'FORMAT: 抽查比例无效：抽查比例不得低于 10%（1000 个万分点，津丽政务〔2022〕7号）：500',
    ]);
  });

  test('a population out of order, or with a case twice', () => {
    const swapped = copy();
    [swapped.population[0], swapped.population[1]] = [swapped.population[1]!, swapped.population[0]!];
    expect(verifyDraw(consistent(swapped)).problems).toContain('POPULATION_ORDER: 冻结的抽查总体未按办件编号、办件 ID 的规范顺序排列');
    const doubled = copy();
    doubled.population.splice(1, 0, structuredClone(doubled.population[0]!));
    const result = verifyDraw(consistent(doubled));
    expect(result.problems).toContain('POPULATION_DUPLICATE: 冻结的抽查总体中有重复办件');
    expect(result.codes).not.toContain('POPULATION_ORDER');
    // With a case twice the selection is not defined: it is not recomputed.
    expect(result.codes).not.toContain('SELECTION');
  });

  test('entries outside the month in China time or with a field no draw would take, listed by id', () => {
    const r = copy();
    const first = r.population[0]!;
    // The first instant of May in China stays; the first of June, a time not in canonical form and a bad field do not.
    r.population[0] = { ...first, decidedAt: '2026-04-30T16:00:00.000Z' };
    r.population[1] = { ...r.population[1]!, decidedAt: '2026-05-31T16:00:00.000Z' };
    r.population[2] = { ...r.population[2]!, decidedAt: '2026-05-03T10:00:00+08:00' };
    r.population[3] = { ...r.population[3]!, number: 'DL\n' };
    r.population[4] = { ...r.population[4]!, matterCode: '' };
    r.population[5] = { ...r.population[5]!, decidedAt: '2026-04-30T15:59:59.999Z' };
    const ids = r.population.slice(1, 6).map((e) => e.id);
    expect(verifyDraw(consistent(r)).problems).toContain(`POPULATION_MONTH: 冻结总体中有办件不属于 2026-05（北京时间）或字段无效：${ids.join('、')}`);
    const one = copy();
    one.population[0] = { ...one.population[0]!, id: 'x\t' };
    expect(verifyDraw(consistent(one)).problems).toContain('POPULATION_MONTH: 冻结总体中有办件不属于 2026-05（北京时间）或字段无效：x\t');
  });

  test('a population that does not hash to the published hash', () => {
    const r = copy();
    r.population.pop();
    expect(verifyDraw(rehash(r)).problems).toContain('POPULATION_HASH: 冻结的抽查总体与记录中的总体哈希不一致，总体名单可能被改动');
  });

  test('against the current cases: what was added, removed or changed since, five ids at most then the count', () => {
    const changedCases = cases.map((c, i) =>
      i === 0 ? { ...c, number: 'DL-renumbered' } : i === 1 ? { ...c, matterCode: 'C' } : i === 2 ? { ...c, decidedAt: '2026-05-20T10:00:00+08:00' } : c,
    );
    const report = verifyDraw(record, changedCases).problems;
    expect(report).toEqual(['POPULATION_CHANGED: 当前办件数据得出的 2026-05 抽查总体与冻结总体不同：信息不一致：c00、c01、c02']);

    const removedFive = cases.slice(5);
    expect(verifyDraw(record, removedFive).problems).toEqual(['POPULATION_CHANGED: 当前办件数据得出的 2026-05 抽查总体与冻结总体不同：当前数据中已没有：c00、c01、c02、c03、c04']);
    const removedSix = cases.slice(6);
    expect(verifyDraw(record, removedSix).problems).toEqual([
      'POPULATION_CHANGED: 当前办件数据得出的 2026-05 抽查总体与冻结总体不同：当前数据中已没有：c00、c01、c02、c03、c04 等 6 件',
    ]);
    const addedAndRemoved = [...cases.slice(1), remote('new', 'A', '2026-05-30T10:00:00+08:00')];
    expect(verifyDraw(record, addedAndRemoved).problems).toEqual([
      'POPULATION_CHANGED: 当前办件数据得出的 2026-05 抽查总体与冻结总体不同：冻结总体中没有：new；当前数据中已没有：c00',
    ]);
    // The same cases under a published hash that is not theirs.
    expect(verifyDraw(rehash({ ...copy(), populationHash: sha256('other') }), cases).problems).toContain(
      'POPULATION_CHANGED: 当前办件数据得出的 2026-05 抽查总体与冻结总体不同：哈希不同',
    );
    expect(verifyDraw(record, [...cases, remote('c00', 'A', '2026-05-01T10:00:00+08:00')]).problems).toEqual([
      'CASES_INVALID: 当前办件数据无法生成抽查总体：办件 c00 重复出现，抽查总体不唯一',
    ]);
  });

  test('a recomputed seed, size, allocation or selection that differs', () => {
    expect(verifyDraw({ ...copy(), seed: sha256('mine') }).problems[0]).toBe('SEED: 随机种子与由月份、总体哈希、上期抽查哈希重新计算的结果不一致');
    expect(verifyDraw(rehash({ ...copy(), minimumSample: 9 })).problems).toEqual(['MINIMUM_SAMPLE: 最低抽取数应为 3，记录为 9']);
    const allocation = ALLOCATION_CHANGES.map((change) => verifyDraw(rehash({ ...copy(), allocation: change(copy().allocation) })).problems);
    for (const problems of allocation) expect(problems).toEqual(['ALLOCATION: 各事项抽取数与按规则重新分配的结果不一致']);
    const selections = [(ids: string[]) => [...ids, 'c99'], (ids: string[]) => ids.slice(1), (ids: string[]) => [...ids].reverse()];
    for (const change of selections) {
      expect(verifyDraw(rehash({ ...copy(), selectedIds: change(copy().selectedIds) })).problems).toEqual(['SELECTION: 抽中办件与用公开种子重新抽取的结果不一致']);
    }
  });

  test('the chain: a first draw links to nothing, a later one to the previous month’s hash', () => {
    expect(verifyDraw(april, undefined, null).ok).toBe(true);
    expect(verifyDraw(record, undefined, null).problems).toEqual(['CHAIN: 这应是首次抽查，但记录引用了上期抽查']);
    expect(verifyDraw(record, undefined, april).ok).toBe(true);
    expect(verifyDraw(record, undefined, { ...april, month: '2026-03' }).problems).toEqual(['CHAIN: 记录未链接到上期（2026-04）抽查记录的哈希']);
    expect(verifyDraw(record, undefined, { ...april, drawHash: sha256('other') }).codes).toEqual(['CHAIN']);
  });
});

/** Ways to change a correct allocation (each also a three-matter one). */
const ALLOCATION_CHANGES: ((a: DrawRecord['allocation']) => DrawRecord['allocation'])[] = [
  (a) => a.map((x, i) => (i === 1 ? { ...x, matterCode: 'Z' } : x)),
  (a) => a.map((x, i) => (i === 1 ? { ...x, cases: x.cases + 1 } : x)),
  (a) => a.map((x, i) => (i === 1 ? { ...x, drawn: x.drawn + 1 } : x)),
  (a) => a.slice(0, 2),
  (a) => [...a, { matterCode: 'Z', cases: 1, drawn: 1 }],
];
