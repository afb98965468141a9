// Monthly spot-check draw 监督回访抽查 (R7): pure, deterministic and re-computable by anyone holding the record.
// No I/O and no clock: the caller passes the cases, the month, the previous draw's hash and `now`.
// The byte-exact algorithm is specified in docs/monthly-draw.md; any change to the bytes hashed or the order in
// which random words are consumed must bump ALGORITHM_VERSION, or old records stop verifying.

import { createHash, createHmac } from 'node:crypto';
import { chinaMonthRange, previousMonth } from './china-time';

export const ALGORITHM_VERSION = 'monthly-draw/v1';
/** previousDrawHash of the very first draw: there is nothing to chain to. */
export const GENESIS_DRAW_HASH = '0'.repeat(64);
/**
 * The policy minimum (R7): at least 10%, as whole basis points (1 bp = 0.01%). A share is entered, stored and hashed
 * as an integer: as a fraction, 0.57 × 10000 is 5699.999… in binary floating point.
 */
export const MINIMUM_SHARE_BP = 1_000;
/** Only cases whose inspection mode is this are in the population. */
export const REMOTE_MODE = 'remote';

export const BASIS_POINTS = 10_000;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const HASH_PATTERN = /^[0-9a-f]{64}$/;
// An offset (or Z) is required: a zone-less timestamp would be read in the server's zone, which is the bug R7's
// month boundary must not have.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
// Tabs and newlines delimit the canonical serializations, so no field may contain a control character; lone
// surrogates are refused because they have no UTF-8 encoding (Buffer would silently turn them into U+FFFD).
const FORBIDDEN_IN_FIELD = /[\u0000-\u001f\u007f]|\p{Cs}/u;

export type MonthlyDrawErrorCode =
  | 'SHARE_TOO_LOW'
  | 'SHARE_INVALID'
  | 'MONTH_INVALID'
  | 'MONTH_NOT_CLOSED'
  | 'HASH_INVALID'
  | 'CASE_INVALID'
  | 'CASE_DUPLICATE'
  | 'SIZE_INVALID';

/** Refusal of bad input; `message` is for the user (Chinese), `code` for the caller. */
export class MonthlyDrawError extends Error {
  constructor(
    readonly code: MonthlyDrawErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MonthlyDrawError';
  }
}

/** The fields of a case the draw needs. Other fields are ignored. */
export interface DrawCase {
  id: string;
  number: string;
  matterCode: string;
  mode: string;
  /** Instant of the decision, ISO 8601 with an offset or Z; absent while undecided. */
  decidedAt?: string | Date | null;
}

/** One case of the frozen population; decidedAt is canonical UTC 'YYYY-MM-DDTHH:mm:ss.sssZ'. */
export interface PopulationEntry {
  id: string;
  number: string;
  matterCode: string;
  decidedAt: string;
}

export interface Population {
  month: string;
  /** Canonical order: case number, then id, both compared as UTF-8 bytes. */
  entries: PopulationEntry[];
  populationHash: string;
}

export interface MatterAllocation {
  matterCode: string;
  /** Cases of this matter in the population. */
  cases: number;
  /** Cases of this matter to draw. */
  drawn: number;
}

export interface DrawRecord {
  algorithmVersion: typeof ALGORITHM_VERSION;
  month: string;
  /** The share drawn, in whole basis points: 1000 is 10%. */
  shareBasisPoints: number;
  /** The frozen population, canonical order. */
  population: PopulationEntry[];
  populationHash: string;
  previousDrawHash: string;
  seed: string;
  /** ceil(population × share), at least 1 when there are cases. */
  minimumSample: number;
  /** One entry per matter present, ascending matter code. */
  allocation: MatterAllocation[];
  /** Drawn case ids, in the population's canonical order. */
  selectedIds: string[];
  drawHash: string;
}

export interface DrawInput {
  month: string;
  cases: readonly DrawCase[];
  /** drawHash of the previous month's record; null for the first draw ever (GENESIS_DRAW_HASH is used). */
  previousDrawHash: string | null;
  /** Whole basis points, MINIMUM_SHARE_BP when absent. */
  shareBasisPoints?: number;
  /** The draw is refused until the month has ended in China time: an open month has no frozen population. */
  now: Date;
}

export type VerifyProblemCode =
  | 'FORMAT'
  | 'ALGORITHM_VERSION'
  | 'POPULATION_ORDER'
  | 'POPULATION_DUPLICATE'
  | 'POPULATION_MONTH'
  | 'POPULATION_HASH'
  | 'POPULATION_CHANGED'
  | 'CASES_INVALID'
  | 'SEED'
  | 'MINIMUM_SAMPLE'
  | 'ALLOCATION'
  | 'SELECTION'
  | 'DRAW_HASH'
  | 'CHAIN';

export interface VerifyResult {
  ok: boolean;
  /** Each problem as 'CODE: 中文说明'. */
  problems: string[];
  codes: VerifyProblemCode[];
}

// ---------------------------------------------------------------------------------------------------------------
// Canonical bytes

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** UTF-8 byte order, so that an implementation in any language sorts the same way (JS `<` compares UTF-16). */
export const compareCanonical = (a: string, b: string): number => Buffer.compare(utf8(a), utf8(b));

function assertMonth(month: string): void {
  if (typeof month !== 'string' || !MONTH_PATTERN.test(month)) {
    throw new MonthlyDrawError('MONTH_INVALID', `月份格式应为 YYYY-MM：${String(month)}`);
  }
}

function assertHash(value: string, name: string): void {
  if (typeof value !== 'string' || !HASH_PATTERN.test(value)) {
    throw new MonthlyDrawError('HASH_INVALID', `${name} 应为 64 位小写十六进制 SHA-256 值`);
  }
}

function assertField(value: unknown, field: string, caseId: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || FORBIDDEN_IN_FIELD.test(value)) {
    throw new MonthlyDrawError('CASE_INVALID', `办件 ${caseId} 的 ${field} 为空或含有控制字符，无法纳入抽查样本`);
  }
}

// A month's bounds never change: computed once a month rather than for every case.
const monthBounds = new Map<string, { from: number; to: number }>();
function boundsOf(month: string): { from: number; to: number } {
  let bounds = monthBounds.get(month);
  if (bounds === undefined) {
    const { start, end } = chinaMonthRange(month);
    bounds = { from: start.getTime(), to: end.getTime() };
    if (monthBounds.size > 1000) monthBounds.clear();
    monthBounds.set(month, bounds);
  }
  return bounds;
}

/**
 * Milliseconds since the epoch of an ISO 8601 instant with offset, or NaN. Parsed by hand because `Date` accepts
 * impossible dates such as 2026-02-30 or 24:00 and rolls them over, which another implementation would not.
 */
function parseInstant(text: string): number {
  const m = ISO_INSTANT.exec(text);
  if (m === null) return Number.NaN;
  const part = (i: number): number => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const [offH, offM] = [part(9), part(10)];
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  const local = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  local.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  const valid =
    local.getUTCMonth() === month - 1 &&
    local.getUTCDate() === day &&
    local.getUTCHours() === hour &&
    local.getUTCMinutes() === minute &&
    local.getUTCSeconds() === second &&
    offH <= 23 &&
    offM <= 59;
  if (!valid) return Number.NaN;
  const sign = m[8] === '-' ? -1 : 1;
  return local.getTime() - sign * (offH * 60 + offM) * 60_000;
}

/** The decision instant as canonical UTC text, or null when the case is not decided. */
function canonicalInstant(value: string | Date | null | undefined, caseId: string): string | null {
  if (value === null || value === undefined) return null;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? parseInstant(value) : Number.NaN;
  const year = new Date(time).getUTCFullYear();
  if (Number.isNaN(time) || year < 1 || year > 9999) {
    throw new MonthlyDrawError('CASE_INVALID', `办件 ${caseId} 的办结时间不是带时区的 ISO 时间：${String(value)}`);
  }
  return new Date(time).toISOString();
}

/** Sorts by case number, then id, as UTF-8 bytes; keys are encoded once rather than per comparison. */
function sortCanonically(entries: PopulationEntry[]): PopulationEntry[] {
  return entries
    .map((entry) => ({ entry, number: utf8(entry.number), id: utf8(entry.id) }))
    .sort((a, b) => Buffer.compare(a.number, b.number) || Buffer.compare(a.id, b.id))
    .map((keyed) => keyed.entry);
}

/** `id TAB number TAB matterCode TAB decidedAt LF` per entry, in the given order, UTF-8. */
export const serializePopulation = (entries: readonly PopulationEntry[]): string =>
  entries.map((e) => `${e.id}\t${e.number}\t${e.matterCode}\t${e.decidedAt}\n`).join('');

export const hashPopulation = (entries: readonly PopulationEntry[]): string => sha256Hex(serializePopulation(entries));

// ---------------------------------------------------------------------------------------------------------------
// Population

/**
 * The frozen population of `month`: remote-inspection cases decided in that Asia/Shanghai calendar month,
 * canonical order, hashed. Undecided and non-remote cases are skipped; a remote case decided that month with an
 * unusable field, or two such cases with the same id, is refused rather than silently dropped.
 */
export function populationOf(cases: readonly DrawCase[], month: string): Population {
  assertMonth(month);
  const { from, to } = boundsOf(month);
  const seen = new Set<string>();
  const entries: PopulationEntry[] = [];
  for (const c of cases) {
    if (c.mode !== REMOTE_MODE) continue;
    const caseId = typeof c.id === 'string' ? c.id : String(c.id);
    const decidedAt = canonicalInstant(c.decidedAt, caseId);
    if (decidedAt === null) continue;
    const time = Date.parse(decidedAt);
    if (time < from || time >= to) continue;
    assertField(c.id, 'id', caseId);
    assertField(c.number, '办件编号', caseId);
    assertField(c.matterCode, '事项编码', caseId);
    if (seen.has(c.id)) throw new MonthlyDrawError('CASE_DUPLICATE', `办件 ${c.id} 重复出现，抽查总体不唯一`);
    seen.add(c.id);
    entries.push({ id: c.id, number: c.number, matterCode: c.matterCode, decidedAt });
  }
  const sorted = sortCanonically(entries);
  return { month, entries: sorted, populationHash: hashPopulation(sorted) };
}

// ---------------------------------------------------------------------------------------------------------------
// Sample size and allocation

/** Checks a share in whole basis points: an integer from the policy minimum (1000, 10%) to 10000 (100%). */
export function checkBasisPoints(bp: number): number {
  if (typeof bp !== 'number' || !Number.isSafeInteger(bp) || bp > BASIS_POINTS) {
    throw new MonthlyDrawError('SHARE_INVALID', `抽查比例须为 1000 至 10000 之间的整数个万分点（10% 至 100%）：${String(bp)}`);
  }
  if (bp < MINIMUM_SHARE_BP) {
    throw new MonthlyDrawError('SHARE_TOO_LOW', `抽查比例不得低于 10%（1000 个万分点，津丽政务〔2022〕7号）：${String(bp)}`);
  }
  return bp;
}

/**
 * ceil(n × bp / 10000), computed in integers (0.1 × 30 is 3.0000000000000004 in floating point, which would round
 * up to 4). At least 1 when n > 0 follows, since bp > 0.
 */
export function sampleSize(n: number, shareBasisPoints: number = MINIMUM_SHARE_BP): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new MonthlyDrawError('SIZE_INVALID', `案件数须为非负整数：${String(n)}`);
  const bp = checkBasisPoints(shareBasisPoints);
  return Math.floor((n * bp + BASIS_POINTS - 1) / BASIS_POINTS);
}

/**
 * How many cases to draw from each matter, ascending matter code (UTF-8 bytes).
 *
 * Every matter with cases gets one. If there are at least as many matters as `total`, that is all and the sample
 * grows to the number of matters. Otherwise the remaining R = total − K seats are shared by largest remainder in
 * proportion to each matter's cases beyond the first (nᵢ − 1): quotas R·(nᵢ−1)/(n−K) are floored, and the seats
 * left over go one each to the largest remainders, ties to the smaller matter code. Weighting by nᵢ − 1 (what is
 * left to draw from) guarantees no matter is asked for more cases than it has; all arithmetic is in integers.
 */
export function allocate(population: readonly PopulationEntry[], total: number): MatterAllocation[] {
  if (!Number.isSafeInteger(total) || total < 0 || total > population.length) {
    throw new MonthlyDrawError('SIZE_INVALID', `抽取数须在 0 与总体数量之间：${String(total)}`);
  }
  const counts = new Map<string, number>();
  for (const entry of population) counts.set(entry.matterCode, (counts.get(entry.matterCode) ?? 0) + 1);
  const matters = [...counts.keys()].sort(compareCanonical);
  const n = population.length;
  const k = matters.length;
  const remaining = Math.max(0, total - k);
  const denominator = n - k;
  const rows = matters.map((matterCode) => {
    const cases = counts.get(matterCode) ?? 0;
    const numerator = remaining * (cases - 1);
    return {
      matterCode,
      cases,
      drawn: 1 + (denominator > 0 ? Math.floor(numerator / denominator) : 0),
      remainder: denominator > 0 ? numerator % denominator : 0,
    };
  });
  let leftover = k + remaining - rows.reduce((sum, row) => sum + row.drawn, 0);
  const byRemainder = [...rows].sort((a, b) => b.remainder - a.remainder || compareCanonical(a.matterCode, b.matterCode));
  for (const row of byRemainder) {
    if (leftover === 0) break;
    row.drawn += 1;
    leftover -= 1;
  }
  return rows.map(({ matterCode, cases, drawn }) => ({ matterCode, cases, drawn }));
}

// ---------------------------------------------------------------------------------------------------------------
// Seed and random stream

/** The exact text whose SHA-256 is the seed; only published inputs go in. */
export function seedMaterial(input: { month: string; populationHash: string; previousDrawHash: string }): string {
  assertMonth(input.month);
  assertHash(input.populationHash, 'populationHash');
  assertHash(input.previousDrawHash, 'previousDrawHash');
  return (
    `${ALGORITHM_VERSION}\n` +
    `month\t${input.month}\n` +
    `populationHash\t${input.populationHash}\n` +
    `previousDrawHash\t${input.previousDrawHash}\n`
  );
}

export const drawSeed = (input: { month: string; populationHash: string; previousDrawHash: string }): string =>
  sha256Hex(seedMaterial(input));

export interface SeededRandom {
  /** The next 32-bit word of the stream. */
  nextUint32(): number;
  /** Uniform integer in [0, bound), 1 ≤ bound ≤ 2³²; always consumes at least one word. */
  uniformInt(bound: number): number;
}

const TWO_POW_32 = 2 ** 32;

/**
 * Block c of the stream is HMAC-SHA256(key = the seed's 32 bytes, message = c as 8-byte big-endian), c = 0, 1, …;
 * the blocks are read as consecutive big-endian 32-bit words. A keyed hash in counter mode is a standard,
 * reimplementable DRBG construction and needs nothing beyond node:crypto.
 */
export function seededRandom(seedHex: string): SeededRandom {
  assertHash(seedHex, 'seed');
  const key = Buffer.from(seedHex, 'hex');
  let counter = 0n;
  let block = Buffer.alloc(0);
  let offset = 0;
  const nextUint32 = (): number => {
    if (offset >= block.length) {
      const message = Buffer.alloc(8);
      message.writeBigUInt64BE(counter);
      counter += 1n;
      block = createHmac('sha256', key).update(message).digest();
      offset = 0;
    }
    const word = block.readUInt32BE(offset);
    offset += 4;
    return word;
  };
  // Rejection sampling: words at or above the largest multiple of `bound` are discarded, so every residue is
  // equally likely (plain `word % bound` would favour small values whenever bound does not divide 2³²).
  const uniformInt = (bound: number): number => {
    if (!Number.isSafeInteger(bound) || bound < 1 || bound > TWO_POW_32) {
      throw new MonthlyDrawError('SIZE_INVALID', `随机数范围无效：${String(bound)}`);
    }
    const limit = TWO_POW_32 - (TWO_POW_32 % bound);
    for (;;) {
      const word = nextUint32();
      if (word < limit) return word % bound;
    }
  };
  return { nextUint32, uniformInt };
}

/**
 * Matters in ascending code order share one stream. Within a matter, a partial Fisher–Yates shuffle of the
 * matter's cases in canonical order: for j = 0 … drawn−1, r = j + uniformInt(size − j), swap positions j and r;
 * the first `drawn` positions are the sample. Every subset of that size is equally likely. `allocation` must be in
 * the order allocate() returns (ascending matter code): that order decides which words each matter consumes.
 */
export function selectCases(population: readonly PopulationEntry[], allocation: readonly MatterAllocation[], seedHex: string): string[] {
  const random = seededRandom(seedHex);
  const chosen = new Set<string>();
  for (const { matterCode, drawn } of allocation) {
    const ids = population.filter((entry) => entry.matterCode === matterCode).map((entry) => entry.id);
    if (drawn > ids.length) throw new MonthlyDrawError('SIZE_INVALID', `事项 ${matterCode} 的抽取数超过其案件数`);
    for (let j = 0; j < drawn; j++) {
      const r = j + random.uniformInt(ids.length - j);
      const picked = ids[r] as string;
      ids[r] = ids[j] as string;
      ids[j] = picked;
      chosen.add(picked);
    }
  }
  return population.filter((entry) => chosen.has(entry.id)).map((entry) => entry.id);
}

// ---------------------------------------------------------------------------------------------------------------
// The record

type HashedFields = Omit<DrawRecord, 'drawHash' | 'population'> & { populationSize: number };

/** The exact text whose SHA-256 is the drawHash; the population enters through populationHash and its size. */
export function drawMaterial(record: HashedFields): string {
  const lines = [
    `${record.algorithmVersion}`,
    `month\t${record.month}`,
    `shareBasisPoints\t${checkBasisPoints(record.shareBasisPoints)}`,
    `populationSize\t${record.populationSize}`,
    `populationHash\t${record.populationHash}`,
    `previousDrawHash\t${record.previousDrawHash}`,
    `seed\t${record.seed}`,
    `minimumSample\t${record.minimumSample}`,
    ...record.allocation.map((a) => `allocation\t${a.matterCode}\t${a.cases}\t${a.drawn}`),
    ...record.selectedIds.map((id) => `selected\t${id}`),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

export const hashDrawRecord = (record: DrawRecord): string =>
  sha256Hex(drawMaterial({ ...record, populationSize: record.population.length }));

/** The draw for a closed month. Same inputs, same record, byte for byte — so running it twice changes nothing. */
export function drawMonth(input: DrawInput): DrawRecord {
  assertMonth(input.month);
  const shareBasisPoints = checkBasisPoints(input.shareBasisPoints ?? MINIMUM_SHARE_BP);
  if (!(input.now instanceof Date) || Number.isNaN(input.now.getTime())) {
    throw new MonthlyDrawError('MONTH_NOT_CLOSED', '缺少当前时间，无法判断月份是否已结束');
  }
  if (input.now.getTime() < boundsOf(input.month).to) {
    throw new MonthlyDrawError('MONTH_NOT_CLOSED', `${input.month} 尚未结束（北京时间），不能抽取`);
  }
  const previousDrawHash = input.previousDrawHash ?? GENESIS_DRAW_HASH;
  assertHash(previousDrawHash, 'previousDrawHash');

  const { entries, populationHash } = populationOf(input.cases, input.month);
  const seed = drawSeed({ month: input.month, populationHash, previousDrawHash });
  const minimumSample = sampleSize(entries.length, shareBasisPoints);
  const allocation = allocate(entries, minimumSample);
  const selectedIds = selectCases(entries, allocation, seed);
  const record: DrawRecord = {
    algorithmVersion: ALGORITHM_VERSION,
    month: input.month,
    shareBasisPoints,
    population: entries,
    populationHash,
    previousDrawHash,
    seed,
    minimumSample,
    allocation,
    selectedIds,
    drawHash: '',
  };
  record.drawHash = hashDrawRecord(record);
  return record;
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

/**
 * Shape of a stored record, loaded (with zod) on the first verification: the monthly timer only draws, and loading
 * zod would cost its every cold start.
 */
const recordSchema = () => (require('./draw-record-schema') as typeof import('./draw-record-schema')).drawRecordSchema;

// Field by field, not JSON text: a record read back from a database may list its keys in another order.
const sameEntry = (a: PopulationEntry, b: PopulationEntry): boolean =>
  a.id === b.id && a.number === b.number && a.matterCode === b.matterCode && a.decidedAt === b.decidedAt;
const sameAllocation = (a: readonly MatterAllocation[], b: readonly MatterAllocation[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => x.matterCode === b[i]?.matterCode && x.cases === b[i]?.cases && x.drawn === b[i]?.drawn);
const sameStrings = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const sample = (ids: string[]): string => ids.slice(0, 5).join('、') + (ids.length > 5 ? ` 等 ${ids.length} 件` : '');

/**
 * Recomputes everything in the record from its own frozen population and published inputs and names every
 * mismatch. With `cases`, also checks the current data still yields the same population; with `previous`
 * (null = this must be the first draw), also checks the chain. Never throws on a malformed record.
 */
export function verifyDraw(record: unknown, cases?: readonly DrawCase[], previous?: DrawRecord | null): VerifyResult {
  const problems: string[] = [];
  const codes: VerifyProblemCode[] = [];
  const report = (code: VerifyProblemCode, message: string): void => {
    if (!codes.includes(code)) codes.push(code);
    problems.push(`${code}: ${message}`);
  };
  const done = (): VerifyResult => ({ ok: problems.length === 0, problems, codes });

  const parsed = recordSchema().safeParse(record);
  if (!parsed.success) {
    report('FORMAT', `抽查记录格式不完整或有误：${parsed.error.issues.map((i) => i.path.join('.')).join('，')}`);
    return done();
  }
  const r = parsed.data as DrawRecord;
  if (r.algorithmVersion !== ALGORITHM_VERSION) {
    report('ALGORITHM_VERSION', `不支持的抽查算法版本 ${r.algorithmVersion}，本程序为 ${ALGORITHM_VERSION}`);
    return done();
  }
  try {
    checkBasisPoints(r.shareBasisPoints);
  } catch (error) {
    report('FORMAT', `抽查比例无效：${(error as Error).message}`);
    return done();
  }

  // Population: it must be a valid, canonical, in-month list whose hash is the published one.
  const ids = new Set(r.population.map((e) => e.id));
  if (ids.size !== r.population.length) report('POPULATION_DUPLICATE', '冻结的抽查总体中有重复办件');
  const canonical = sortCanonically([...r.population]);
  if (!canonical.every((entry, i) => entry === r.population[i])) {
    report('POPULATION_ORDER', '冻结的抽查总体未按办件编号、办件 ID 的规范顺序排列');
  }
  const { from, to } = boundsOf(r.month);
  const outOfMonth = r.population.filter((e) => {
    try {
      assertField(e.id, 'id', e.id);
      assertField(e.number, '办件编号', e.id);
      assertField(e.matterCode, '事项编码', e.id);
      const at = canonicalInstant(e.decidedAt, e.id);
      return at !== e.decidedAt || Date.parse(at) < from || Date.parse(at) >= to;
    } catch {
      return true;
    }
  });
  if (outOfMonth.length > 0) {
    report('POPULATION_MONTH', `冻结总体中有办件不属于 ${r.month}（北京时间）或字段无效：${sample(outOfMonth.map((e) => e.id))}`);
  }
  if (hashPopulation(r.population) !== r.populationHash) {
    report('POPULATION_HASH', '冻结的抽查总体与记录中的总体哈希不一致，总体名单可能被改动');
  }

  if (cases !== undefined) {
    try {
      const current = populationOf(cases, r.month);
      if (current.populationHash !== r.populationHash) {
        const now = new Map(current.entries.map((e) => [e.id, e]));
        const frozen = new Map(r.population.map((e) => [e.id, e]));
        const added = current.entries.filter((e) => !frozen.has(e.id)).map((e) => e.id);
        const removed = r.population.filter((e) => !now.has(e.id)).map((e) => e.id);
        const changed = r.population
          .filter((e) => {
            const latest = now.get(e.id);
            return latest !== undefined && !sameEntry(latest, e);
          })
          .map((e) => e.id);
        const parts = [
          added.length ? `冻结总体中没有：${sample(added)}` : '',
          removed.length ? `当前数据中已没有：${sample(removed)}` : '',
          changed.length ? `信息不一致：${sample(changed)}` : '',
        ].filter(Boolean);
        report('POPULATION_CHANGED', `当前办件数据得出的 ${r.month} 抽查总体与冻结总体不同：${parts.join('；') || '哈希不同'}`);
      }
    } catch (error) {
      report('CASES_INVALID', `当前办件数据无法生成抽查总体：${(error as Error).message}`);
    }
  }

  // Seed, size, allocation and selection, each recomputed from the record's own published inputs.
  try {
    recompute(r, report, !codes.includes('POPULATION_DUPLICATE'));
  } catch (error) {
    report('FORMAT', `抽查记录无法重新计算：${(error as Error).message}`);
  }

  if (previous !== undefined) {
    if (previous === null) {
      if (r.previousDrawHash !== GENESIS_DRAW_HASH) report('CHAIN', '这应是首次抽查，但记录引用了上期抽查');
    } else if (previous.drawHash !== r.previousDrawHash || previous.month !== previousMonth(r.month)) {
      report('CHAIN', `记录未链接到上期（${previousMonth(r.month)}）抽查记录的哈希`);
    }
  }
  return done();
}

function recompute(r: DrawRecord, report: (code: VerifyProblemCode, message: string) => void, canSelect: boolean): void {
  const seed = drawSeed({ month: r.month, populationHash: r.populationHash, previousDrawHash: r.previousDrawHash });
  if (seed !== r.seed) report('SEED', '随机种子与由月份、总体哈希、上期抽查哈希重新计算的结果不一致');

  const minimumSample = sampleSize(r.population.length, r.shareBasisPoints);
  if (minimumSample !== r.minimumSample) {
    report('MINIMUM_SAMPLE', `最低抽取数应为 ${minimumSample}，记录为 ${r.minimumSample}`);
  }
  const allocation = allocate(r.population, minimumSample);
  if (!sameAllocation(allocation, r.allocation)) report('ALLOCATION', '各事项抽取数与按规则重新分配的结果不一致');

  // With duplicate ids the selection is not well defined; POPULATION_DUPLICATE already says so.
  if (canSelect && !sameStrings(selectCases(r.population, allocation, seed), r.selectedIds)) {
    report('SELECTION', '抽中办件与用公开种子重新抽取的结果不一致');
  }

  if (hashDrawRecord(r) !== r.drawHash) report('DRAW_HASH', '抽查记录哈希与记录内容不一致，记录可能被改动');
}
