import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
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
  verifyDraw,
  type DrawCase,
  type DrawRecord,
  type PopulationEntry,
} from '../../../cloudfunctions/src/domain/monthly-draw';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const JUNE_FIRST = new Date('2026-06-01T00:00:00+08:00');
const AFTER_MAY = new Date('2026-06-01T01:00:00+08:00');
// Large populations take a few seconds on a busy machine; the default 5 s would make them flaky, not wrong.
const PROPERTY_TIMEOUT = 30_000;

const remote = (id: string, matterCode: string, decidedAt: string | null, number = `DL-${id}`): DrawCase => ({
  id,
  number,
  matterCode,
  mode: 'remote',
  decidedAt,
});

/** n remote cases decided in May 2026, matters cycling through the given codes. */
function mayCases(n: number, matters: string[]): DrawCase[] {
  return Array.from({ length: n }, (_, i) => {
    const day = String(1 + (i % 31)).padStart(2, '0');
    return remote(`c${String(i).padStart(4, '0')}`, matters[i % matters.length] as string, `2026-05-${day}T10:00:00+08:00`);
  });
}

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof MonthlyDrawError ? error.code : `not a MonthlyDrawError: ${String(error)}`;
  }
  return undefined;
}

// Small deterministic generator for building test populations from a fast-check salt (test data only).
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MAY_START = Date.parse('2026-04-30T16:00:00Z');
const MAY_LENGTH = 31 * 24 * 3600 * 1000;
const MATTERS = ['RAD-LICENCE', 'RAD-ACCEPT', 'WATER-HYG', 'WORK-HOURS', 'M5', 'M6'];

interface Scenario {
  cases: DrawCase[];
  /** Ids that must form May's population. */
  expected: Set<string>;
}

function buildScenario(p: { n: number; matterCount: number; weights: number[]; salt: number; noise: number }): Scenario {
  const rand = mulberry32(p.salt);
  const weights = p.weights.slice(0, p.matterCount);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickMatter = (): string => {
    let x = rand() * totalWeight;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return MATTERS[i] as string;
    }
    return MATTERS[weights.length - 1] as string;
  };
  const cases: DrawCase[] = [];
  const expected = new Set<string>();
  for (let i = 0; i < p.n; i++) {
    const at = new Date(MAY_START + Math.floor(rand() * MAY_LENGTH)).toISOString();
    // Numbers repeat now and then, so the tie-break on id is exercised.
    const id = `s${p.salt}-${i}`;
    cases.push(remote(id, pickMatter(), at, `DL-202605-${String(Math.floor(rand() * p.n * 2)).padStart(4, '0')}`));
    expected.add(id);
  }
  for (let i = 0; i < p.noise; i++) {
    const kind = i % 4;
    const at = new Date(MAY_START + Math.floor(rand() * MAY_LENGTH)).toISOString();
    if (kind === 0) cases.push({ ...remote(`onsite-${i}`, pickMatter(), at), mode: 'onsite' });
    if (kind === 1) cases.push(remote(`april-${i}`, pickMatter(), '2026-04-30T15:59:59.999Z'));
    if (kind === 2) cases.push(remote(`june-${i}`, pickMatter(), '2026-05-31T16:00:00.000Z'));
    if (kind === 3) cases.push(remote(`open-${i}`, pickMatter(), null));
  }
  // Input order must not matter: shuffle it.
  for (let i = cases.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [cases[i], cases[j]] = [cases[j] as DrawCase, cases[i] as DrawCase];
  }
  return { cases, expected };
}

const scenarios = fc.record({
  n: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 2000 })),
  matterCount: fc.integer({ min: 1, max: 6 }),
  weights: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 6, maxLength: 6 }),
  salt: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  noise: fc.integer({ min: 0, max: 40 }),
});

describe('the monthly spot-check draw (R7)', () => {
  describe('for any population of 0 to 2,000 cases over 1 to 6 matters', () => {
    it('draws at least ceil(10%), at least one when there are cases, from every matter, without duplicates, only from the population', () => {
      fc.assert(
        fc.property(scenarios, (p) => {
          const { cases, expected } = buildScenario(p);
          const record = drawMonth({ month: '2026-05', cases, previousDrawHash: null, now: JUNE_FIRST });
          const n = expected.size;
          const selected = record.selectedIds;
          const populationIds = new Set(record.population.map((e) => e.id));
          const matters = new Set(record.population.map((e) => e.matterCode));
          const matterOf = new Map(record.population.map((e) => [e.id, e.matterCode]));

          expect(populationIds).toEqual(expected);
          expect(selected.length).toBeGreaterThanOrEqual(Math.floor((n + 9) / 10));
          expect(selected.length).toBe(Math.max(record.minimumSample, matters.size));
          if (n > 0) expect(selected.length).toBeGreaterThanOrEqual(1);
          else expect(selected).toEqual([]);
          expect(new Set(selected).size).toBe(selected.length);
          for (const id of selected) expect(populationIds.has(id)).toBe(true);
          expect(new Set(selected.map((id) => matterOf.get(id)))).toEqual(matters);
          for (const a of record.allocation) {
            expect(a.drawn).toBeGreaterThanOrEqual(1);
            expect(a.drawn).toBeLessThanOrEqual(a.cases);
            expect(selected.filter((id) => matterOf.get(id) === a.matterCode)).toHaveLength(a.drawn);
          }
          expect(verifyDraw(record, cases)).toEqual({ ok: true, problems: [], codes: [] });
        }),
        { numRuns: 40 },
      );
    }, PROPERTY_TIMEOUT);

    it('gives the same record for the same inputs, whatever the order the cases arrive in', () => {
      fc.assert(
        fc.property(scenarios, (p) => {
          const { cases } = buildScenario(p);
          const previousDrawHash = sha256(`previous ${p.salt}`);
          const first = drawMonth({ month: '2026-05', cases, previousDrawHash, now: JUNE_FIRST });
          const again = drawMonth({ month: '2026-05', cases: [...cases].reverse(), previousDrawHash, now: new Date('2027-01-01T00:00:00Z') });
          expect(again).toEqual(first);
        }),
        { numRuns: 30 },
      );
    }, PROPERTY_TIMEOUT);

    it('gives a different seed and draw hash when the population differs by one case', () => {
      fc.assert(
        fc.property(scenarios, fc.boolean(), (p, removeOne) => {
          const { cases } = buildScenario(p);
          const record = drawMonth({ month: '2026-05', cases, previousDrawHash: null, now: JUNE_FIRST });
          const changed =
            removeOne && record.population.length > 0
              ? cases.filter((c) => c.id !== record.population[0]?.id)
              : [...cases, remote('late-addition', 'WATER-HYG', '2026-05-20T09:00:00+08:00')];
          const other = drawMonth({ month: '2026-05', cases: changed, previousDrawHash: null, now: JUNE_FIRST });
          expect(other.populationHash).not.toBe(record.populationHash);
          expect(other.seed).not.toBe(record.seed);
          expect(other.drawHash).not.toBe(record.drawHash);
        }),
        { numRuns: 30 },
      );
    }, PROPERTY_TIMEOUT);
  });

  describe('month boundaries are China time', () => {
    it('puts a case decided at 23:30 on 31 May in China (15:30Z) in May', () => {
      const cases = [remote('late-may', 'WATER-HYG', '2026-05-31T15:30:00Z')];
      expect(populationOf(cases, '2026-05').entries.map((e) => e.id)).toEqual(['late-may']);
      expect(populationOf(cases, '2026-06').entries).toEqual([]);
    });

    it('puts a case decided at 16:30Z on 31 May (00:30 on 1 June in China) in June', () => {
      const cases = [remote('early-june', 'WATER-HYG', '2026-05-31T16:30:00Z')];
      expect(populationOf(cases, '2026-05').entries).toEqual([]);
      expect(populationOf(cases, '2026-06').entries.map((e) => e.id)).toEqual(['early-june']);
    });

    it('treats the first instant of the month as inside it and the first instant of the next as outside', () => {
      const cases = [
        remote('first', 'A', '2026-05-01T00:00:00+08:00'),
        remote('last', 'A', '2026-05-31T23:59:59.999+08:00'),
        remote('next', 'A', '2026-06-01T00:00:00+08:00'),
      ];
      expect(populationOf(cases, '2026-05').entries.map((e) => e.id)).toEqual(['first', 'last']);
    });

    it('refuses a decision time without a time zone rather than read it in the server zone', () => {
      expect(errorCode(() => populationOf([remote('x', 'A', '2026-05-31 23:30')], '2026-05'))).toBe('CASE_INVALID');
      expect(errorCode(() => populationOf([remote('x', 'A', '2026-05-31')], '2026-05'))).toBe('CASE_INVALID');
    });

    it('refuses impossible dates that JavaScript would roll over, such as 30 February or 24:00', () => {
      expect(errorCode(() => populationOf([remote('x', 'A', '2026-02-30T10:00:00+08:00')], '2026-03'))).toBe('CASE_INVALID');
      expect(errorCode(() => populationOf([remote('x', 'A', '2026-05-01T24:00:00Z')], '2026-05'))).toBe('CASE_INVALID');
      expect(populationOf([remote('x', 'A', '2024-02-29T10:00:00.5-05:30')], '2024-02').entries[0]?.decidedAt).toBe('2024-02-29T15:30:00.500Z');
    });

    it('refuses to draw a month that has not ended in China time', () => {
      const cases = mayCases(5, ['A']);
      const justBefore = new Date('2026-05-31T15:59:59.999Z');
      expect(errorCode(() => drawMonth({ month: '2026-05', cases, previousDrawHash: null, now: justBefore }))).toBe('MONTH_NOT_CLOSED');
      expect(drawMonth({ month: '2026-05', cases, previousDrawHash: null, now: new Date('2026-05-31T16:00:00Z') }).selectedIds).toHaveLength(1);
    });
  });

  describe('the population', () => {
    it('keeps only remote-inspection cases that are decided, sorted by case number then id', () => {
      const cases: DrawCase[] = [
        remote('b', 'A', '2026-05-03T10:00:00+08:00', 'DL-20260503-0002'),
        { ...remote('onsite', 'A', '2026-05-03T10:00:00+08:00'), mode: 'onsite' },
        remote('open', 'A', null),
        remote('a', 'B', '2026-05-04T10:00:00+08:00', 'DL-20260503-0002'),
        remote('c', 'A', '2026-05-02T10:00:00+08:00', 'DL-20260501-0001'),
      ];
      const { entries } = populationOf(cases, '2026-05');
      expect(entries.map((e) => e.id)).toEqual(['c', 'a', 'b']);
      expect(entries[0]?.decidedAt).toBe('2026-05-02T02:00:00.000Z');
    });

    it('hashes the population as lines of id, number, matter code and UTC decision time', () => {
      const { entries, populationHash } = populationOf([remote('x1', 'WATER-HYG', '2026-05-02T10:00:00+08:00', 'DL-20260502-0001')], '2026-05');
      expect(populationHash).toBe(sha256('x1\tDL-20260502-0001\tWATER-HYG\t2026-05-02T02:00:00.000Z\n'));
      expect(hashPopulation(entries)).toBe(populationHash);
      expect(populationOf([], '2026-05').populationHash).toBe(sha256(''));
    });

    it('refuses two cases with the same id and fields that would break the serialization', () => {
      expect(errorCode(() => populationOf([...mayCases(1, ['A']), ...mayCases(1, ['B'])], '2026-05'))).toBe('CASE_DUPLICATE');
      expect(errorCode(() => populationOf([remote('x', 'A\tB', '2026-05-02T10:00:00+08:00')], '2026-05'))).toBe('CASE_INVALID');
      expect(errorCode(() => populationOf([remote('x\n', 'A', '2026-05-02T10:00:00+08:00')], '2026-05'))).toBe('CASE_INVALID');
    });
  });

  describe('the sample size', () => {
    it('is ceil(10%) of the population, at least one when there are cases, none when there are none', () => {
      expect(sampleSize(0)).toBe(0);
      expect(sampleSize(1)).toBe(1);
      expect(sampleSize(10)).toBe(1);
      expect(sampleSize(11)).toBe(2);
      // 0.1 × 30 is 3.0000000000000004 in floating point; the draw must not round that up to 4.
      expect(sampleSize(30)).toBe(3);
      expect(sampleSize(2000)).toBe(200);
    });

    it('takes the share as whole basis points: raised above 10%, never below it, never a fraction of a point', () => {
      expect(sampleSize(30, 2500)).toBe(8);
      expect(sampleSize(7, 10000)).toBe(7);
      // 57% of 100 is 57; as a fraction, 0.57 × 10000 is 5699.999… in floating point and would be refused or truncated.
      expect(0.57 * 10000).not.toBe(5700);
      expect(sampleSize(100, 5700)).toBe(57);
      expect(sampleSize(101, 5700)).toBe(58);
      expect(errorCode(() => sampleSize(100, 900))).toBe('SHARE_TOO_LOW');
      expect(errorCode(() => sampleSize(100, 0))).toBe('SHARE_TOO_LOW');
      expect(errorCode(() => sampleSize(100, 15000))).toBe('SHARE_INVALID');
      expect(errorCode(() => sampleSize(100, 0.57))).toBe('SHARE_INVALID');
      expect(errorCode(() => sampleSize(100, 1000.5))).toBe('SHARE_INVALID');
      expect(errorCode(() => sampleSize(100, Number.NaN))).toBe('SHARE_INVALID');
      expect(errorCode(() => drawMonth({ month: '2026-05', cases: mayCases(20, ['A']), previousDrawHash: null, shareBasisPoints: 500, now: JUNE_FIRST }))).toBe(
        'SHARE_TOO_LOW',
      );
    });
  });

  describe('the allocation across matters', () => {
    const population = (sizes: Record<string, number>): PopulationEntry[] =>
      Object.entries(sizes).flatMap(([matterCode, size]) =>
        Array.from({ length: size }, (_, i) => ({ id: `${matterCode}-${i}`, number: `${matterCode}-${i}`, matterCode, decidedAt: '2026-05-02T02:00:00.000Z' })),
      );

    it('gives every matter one case even when that exceeds the minimum', () => {
      const entries = population({ A: 3, B: 3, C: 3, D: 3, E: 3 });
      expect(allocate(entries, sampleSize(15)).map((a) => a.drawn)).toEqual([1, 1, 1, 1, 1]);
    });

    it('shares the rest by largest remainder in proportion to each matter’s remaining cases', () => {
      // 10 seats: one each, then 8 by 89 : 9 → quotas 7.27 and 0.73, the larger remainder gets the last seat.
      expect(allocate(population({ A: 90, B: 10 }), 10)).toEqual([
        { matterCode: 'A', cases: 90, drawn: 8 },
        { matterCode: 'B', cases: 10, drawn: 2 },
      ]);
    });

    it('breaks a tie in remainders in favour of the smaller matter code', () => {
      expect(allocate(population({ B: 5, A: 5 }), 5)).toEqual([
        { matterCode: 'A', cases: 5, drawn: 3 },
        { matterCode: 'B', cases: 5, drawn: 2 },
      ]);
    });

    it('never asks a matter for more cases than it has', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 240 }), (sizes, want) => {
          const entries = population(Object.fromEntries(sizes.map((s, i) => [`M${i}`, s])));
          const total = Math.min(want, entries.length);
          const allocation = allocate(entries, total);
          expect(allocation.reduce((sum, a) => sum + a.drawn, 0)).toBe(Math.max(total, sizes.length));
          for (const a of allocation) expect(a.drawn).toBeGreaterThanOrEqual(1);
          for (const a of allocation) expect(a.drawn).toBeLessThanOrEqual(a.cases);
        }),
      );
    });
  });

  describe('the seed and the random stream', () => {
    it('derives the seed from the month, the population hash and the previous draw hash only', () => {
      const input = { month: '2026-05', populationHash: sha256('p'), previousDrawHash: GENESIS_DRAW_HASH };
      expect(drawSeed(input)).toBe(sha256(`monthly-draw/v1\nmonth\t2026-05\npopulationHash\t${sha256('p')}\npreviousDrawHash\t${GENESIS_DRAW_HASH}\n`));
      expect(drawSeed({ ...input, month: '2026-06' })).not.toBe(drawSeed(input));
      expect(drawSeed({ ...input, previousDrawHash: sha256('x') })).not.toBe(drawSeed(input));
      expect(errorCode(() => drawSeed({ ...input, previousDrawHash: '' }))).toBe('HASH_INVALID');
    });

    it('reads HMAC-SHA256(seed, counter) blocks as big-endian words', () => {
      const seed = sha256('seed');
      const counter = (c: number): Buffer => {
        const b = Buffer.alloc(8);
        b.writeBigUInt64BE(BigInt(c));
        return b;
      };
      const block0 = createHmac('sha256', Buffer.from(seed, 'hex')).update(counter(0)).digest();
      const block1 = createHmac('sha256', Buffer.from(seed, 'hex')).update(counter(1)).digest();
      const random = seededRandom(seed);
      const words = Array.from({ length: 9 }, () => random.nextUint32());
      expect(words.slice(0, 8)).toEqual(Array.from({ length: 8 }, (_, i) => block0.readUInt32BE(4 * i)));
      expect(words[8]).toBe(block1.readUInt32BE(0));
    });

    it('gives uniform integers below the bound (chi-square over 14,000 draws of a bound of 7)', () => {
      const random = seededRandom(sha256('uniformity'));
      const counts = new Array<number>(7).fill(0);
      for (let i = 0; i < 14_000; i++) {
        const v = random.uniformInt(7);
        counts[v] = (counts[v] ?? 0) + 1;
      }
      const chi2 = counts.reduce((s, o) => s + (o - 2000) ** 2 / 2000, 0);
      expect(chi2).toBeLessThan(22.458); // 0.999 quantile, 6 degrees of freedom
    });
  });

  describe('fairness', () => {
    // 2,000 draws of 2 from one matter of 20 cases; seeds come from a counter, so the outcome is fixed and
    // the test cannot flake, while each draw still goes through the whole published pipeline.
    const cases = mayCases(20, ['WATER-HYG']);
    let draws: string[][] = [];
    beforeAll(() => {
      draws = Array.from({ length: 2000 }, (_, i) =>
        drawMonth({ month: '2026-05', cases, previousDrawHash: sha256(`chi-square/${i}`), now: JUNE_FIRST }).selectedIds,
      );
    });

    it('selects every case about equally often (chi-square below the 0.999 critical value, 19 degrees of freedom)', () => {
      const counts = new Map(cases.map((c) => [c.id, 0]));
      for (const ids of draws) {
        expect(ids).toHaveLength(2);
        for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const expected = (2000 * 2) / 20;
      const chi2 = [...counts.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
      expect(chi2).toBeLessThan(43.82);
    });

    it('selects every pair about equally often (chi-square below the 0.999 critical value, 189 degrees of freedom)', () => {
      const counts = new Map<string, number>();
      for (const ids of draws) counts.set(ids.join('+'), (counts.get(ids.join('+')) ?? 0) + 1);
      const expected = 2000 / 190;
      let chi2 = 0;
      for (let i = 0; i < 20; i++) {
        for (let j = i + 1; j < 20; j++) {
          const key = `${cases[i]?.id}+${cases[j]?.id}`;
          chi2 += ((counts.get(key) ?? 0) - expected) ** 2 / expected;
        }
      }
      expect(chi2).toBeLessThan(254.82);
    });
  });

  describe('the worked example in docs/monthly-draw.md', () => {
    // Pins the algorithm byte for byte: if this fails, the change needs a new ALGORITHM_VERSION, not new numbers.
    const c = (id: string, number: string, matterCode: string, decidedAt: string): DrawCase => ({ id, number, matterCode, mode: 'remote', decidedAt });
    const aprilCases = [
      c('case-0003', 'DL-20260402-0003', 'WATER-HYG', '2026-04-09T10:20:00+08:00'),
      c('case-0001', 'DL-20260401-0001', 'WATER-HYG', '2026-04-07T15:00:00+08:00'),
      c('case-0002', 'DL-20260401-0002', 'WATER-HYG', '2026-04-30T23:30:00+08:00'),
    ];
    const exampleMayCases: DrawCase[] = [
      c('case-0101', 'DL-20260428-0004', 'WATER-HYG', '2026-05-06T09:40:00+08:00'),
      c('case-0102', 'DL-20260429-0001', 'RAD-LICENCE', '2026-05-08T14:05:00+08:00'),
      c('case-0103', 'DL-20260502-0002', 'WATER-HYG', '2026-05-11T10:00:00+08:00'),
      c('case-0104', 'DL-20260505-0001', 'WORK-HOURS', '2026-05-12T16:30:00+08:00'),
      c('case-0105', 'DL-20260506-0003', 'RAD-LICENCE', '2026-05-14T11:15:00+08:00'),
      c('case-0106', 'DL-20260507-0001', 'WATER-HYG', '2026-05-15T09:00:00+08:00'),
      c('case-0107', 'DL-20260512-0002', 'WATER-HYG', '2026-05-20T15:45:00+08:00'),
      c('case-0108', 'DL-20260513-0001', 'RAD-LICENCE', '2026-05-21T10:30:00+08:00'),
      c('case-0109', 'DL-20260518-0001', 'WORK-HOURS', '2026-05-26T14:00:00+08:00'),
      c('case-0110', 'DL-20260519-0004', 'WATER-HYG', '2026-05-27T09:20:00+08:00'),
      c('case-0111', 'DL-20260520-0002', 'RAD-LICENCE', '2026-05-29T17:10:00+08:00'),
      c('case-0112', 'DL-20260522-0001', 'WATER-HYG', '2026-05-31T23:30:00+08:00'),
      { ...c('case-0113', 'DL-20260522-0002', 'WATER-HYG', '2026-05-20T10:00:00+08:00'), mode: 'onsite' },
      c('case-0114', 'DL-20260523-0001', 'WATER-HYG', '2026-06-01T00:30:00+08:00'),
    ];

    it('reproduces the April draw, the first of the chain', () => {
      const april = drawMonth({ month: '2026-04', cases: aprilCases, previousDrawHash: null, now: new Date('2026-05-01T00:05:00+08:00') });
      expect(april.populationHash).toBe('d9cda8145ef31be2ef2dbe5028f966c0c643a3541d908bd27b588be2dbaddd05');
      expect(april.seed).toBe('fad8e7551c3d9ddd7bb307fcfe77e7ea8a5e373bdf2269f48c2cdd81ca42754a');
      expect(seededRandom(april.seed).nextUint32()).toBe(0xc1763ada);
      expect(april.selectedIds).toEqual(['case-0003']);
      expect(april.drawHash).toBe('5a6ad5ead02e0537d69360b2791bfcee223277b45edb11fc087b7a50a8e4cc8f');
    });

    it('reproduces the May draw at a 50% share, chained to April', () => {
      const may = drawMonth({
        month: '2026-05',
        cases: exampleMayCases,
        previousDrawHash: '5a6ad5ead02e0537d69360b2791bfcee223277b45edb11fc087b7a50a8e4cc8f',
        shareBasisPoints: 5000,
        now: new Date('2026-06-01T00:05:00+08:00'),
      });
      expect(may.populationHash).toBe('9c064527d69f6d36c871eb2aa305de976a30133b8550a22f84c7107a161f7a34');
      expect(may.seed).toBe('8297898ef0d6488b65bd9553443b55156e2d976321e9c67cc4b8eefe76665540');
      expect(may.allocation).toEqual([
        { matterCode: 'RAD-LICENCE', cases: 4, drawn: 2 },
        { matterCode: 'WATER-HYG', cases: 6, drawn: 3 },
        { matterCode: 'WORK-HOURS', cases: 2, drawn: 1 },
      ]);
      expect(may.selectedIds).toEqual(['case-0103', 'case-0106', 'case-0107', 'case-0108', 'case-0109', 'case-0111']);
      expect(may.drawHash).toBe('e9b9e0cf4f7aa2bdb05501649e3e0938679e68132cdf36f62965e7cc41ee3796');
    });
  });

  describe('verification', () => {
    const cases = [...mayCases(47, ['RAD-LICENCE', 'WATER-HYG', 'WORK-HOURS']), remote('c9999', 'RAD-ACCEPT', '2026-05-09T09:00:00+08:00')];
    const april = drawMonth({ month: '2026-04', cases: [remote('a1', 'A', '2026-04-03T10:00:00+08:00')], previousDrawHash: null, now: JUNE_FIRST });
    const record = drawMonth({ month: '2026-05', cases, previousDrawHash: april.drawHash, now: AFTER_MAY });
    const copy = (): DrawRecord => structuredClone(record);
    const codes = (r: unknown, c?: DrawCase[], previous?: DrawRecord | null): string[] => verifyDraw(r, c, previous).codes;
    const rehash = (r: DrawRecord): DrawRecord => ({ ...r, drawHash: hashDrawRecord(r) });

    it('accepts an untouched record, against the current cases and the previous draw', () => {
      expect(verifyDraw(record, cases, april)).toEqual({ ok: true, problems: [], codes: [] });
      expect(verifyDraw(april, undefined, null).ok).toBe(true);
    });

    it('detects a changed selection, even when the draw hash was recomputed', () => {
      const tampered = copy();
      const outsider = record.population.find((e) => !record.selectedIds.includes(e.id))?.id as string;
      tampered.selectedIds[0] = outsider;
      expect(codes(tampered)).toEqual(['SELECTION', 'DRAW_HASH']);
      expect(codes(rehash(tampered))).toEqual(['SELECTION']);
      expect(verifyDraw(tampered).problems[0]).toMatch(/^SELECTION: 抽中办件/);
    });

    it('detects a changed population entry', () => {
      const tampered = copy();
      tampered.population[3] = { ...(tampered.population[3] as PopulationEntry), matterCode: 'WATER-HYG-X' };
      expect(codes(tampered)).toContain('POPULATION_HASH');
      // A forger who also rehashes the population changes the seed, so the selection no longer follows.
      const rehashed = { ...tampered, populationHash: hashPopulation(tampered.population) };
      expect(codes(rehash(rehashed))).toEqual(expect.arrayContaining(['SEED']));
    });

    it('detects a case removed from the frozen population', () => {
      const tampered = copy();
      tampered.population.splice(1, 1);
      expect(codes(tampered)).toEqual(expect.arrayContaining(['POPULATION_HASH', 'DRAW_HASH']));
    });

    it('detects a population entry moved out of the month', () => {
      const tampered = copy();
      tampered.population[0] = { ...(tampered.population[0] as PopulationEntry), decidedAt: '2026-05-31T16:00:00.000Z' };
      expect(codes(tampered)).toEqual(expect.arrayContaining(['POPULATION_MONTH', 'POPULATION_HASH']));
    });

    it('detects a changed seed', () => {
      const tampered = { ...copy(), seed: sha256('a seed I prefer') };
      expect(codes(tampered)).toEqual(['SEED', 'DRAW_HASH']);
    });

    it('detects a changed draw hash, and a record that does not chain to the previous draw', () => {
      expect(codes({ ...copy(), drawHash: sha256('x') })).toEqual(['DRAW_HASH']);
      expect(codes(record, undefined, { ...april, drawHash: sha256('other april') })).toEqual(['CHAIN']);
      expect(codes(record, undefined, null)).toEqual(['CHAIN']);
    });

    it('detects a changed allocation or minimum sample', () => {
      const tampered = copy();
      tampered.allocation[0] = { ...(tampered.allocation[0] as DrawRecord['allocation'][number]), drawn: 9 };
      expect(codes(tampered)).toEqual(['ALLOCATION', 'DRAW_HASH']);
      expect(codes(rehash({ ...copy(), minimumSample: 1 }))).toEqual(['MINIMUM_SAMPLE']);
    });

    it('detects a fully re-computed draw over a doctored population when given the current cases', () => {
      const doctored = cases.filter((c) => !record.selectedIds.includes(c.id));
      const forged = drawMonth({ month: '2026-05', cases: doctored, previousDrawHash: april.drawHash, now: AFTER_MAY });
      expect(verifyDraw(forged).ok).toBe(true);
      const result = verifyDraw(forged, cases);
      expect(result.codes).toEqual(['POPULATION_CHANGED']);
      expect(result.problems[0]).toContain('冻结总体中没有：');
    });

    it('reports a case decided in the month but recorded after the draw', () => {
      const later = [...cases, remote('late', 'WATER-HYG', '2026-05-30T10:00:00+08:00')];
      const result = verifyDraw(record, later);
      expect(result.codes).toEqual(['POPULATION_CHANGED']);
      expect(result.problems[0]).toContain('冻结总体中没有：late');
    });

    it('reports a malformed or unknown-version record instead of throwing', () => {
      expect(codes({ month: '2026-05' })).toEqual(['FORMAT']);
      expect(codes(null)).toEqual(['FORMAT']);
      expect(codes({ ...copy(), algorithmVersion: 'monthly-draw/v0' })).toEqual(['ALGORITHM_VERSION']);
      expect(codes({ ...copy(), shareBasisPoints: 500 })).toEqual(['FORMAT']);
      expect(codes({ ...copy(), shareBasisPoints: 1000.5 })).toEqual(['FORMAT']);
      expect(codes(copy(), [remote('x', 'A\tB', '2026-05-02T10:00:00+08:00')])).toEqual(['CASES_INVALID']);
    });
  });
});
