import fc from 'fast-check';
import { type Harness, makeHarness } from '../../support/harness';
import { SCENARIOS, snapshot } from '../../support/scenarios';

// Some rows render PDFs (signing a form, the archive): seconds each on a loaded two-core machine.
jest.setTimeout(30_000);

// Every action, fed malformed payloads: a structured error with a stable code and a Chinese message, and no change
// to any collection. Valid payloads come from the authorization matrix's scenarios, then are broken.

const KNOWN_CODES = ['VALIDATION', 'UNKNOWN_ACTION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID_STATE', 'REMOTE_NOT_ALLOWED', 'BLACKLISTED', 'DUPLICATE', 'IN_PROGRESS', 'LIMIT'];

/** A value of another JSON type than `v`, so no schema can accept it where `v` was expected. */
const otherType = (v: unknown): fc.Arbitrary<unknown> => {
  if (typeof v === 'string') return fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
  if (typeof v === 'number') return fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.constant(Number.NaN));
  if (typeof v === 'boolean') return fc.oneof(fc.string(), fc.integer(), fc.constant(null));
  if (Array.isArray(v)) return fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
  return fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
};

const structuredError = (r: { ok: boolean; code?: string; message?: string }) => {
  expect(r.ok).toBe(false);
  expect(KNOWN_CODES).toContain(r.code);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  expect(r.message).not.toMatch(/at .*\.(ts|js):\d+/);
};

// A caller who may call each action, so refusals come from validation, not from authorization.
const callerFor = (action: keyof typeof SCENARIOS): string => SCENARIOS[action].allowed[0]!;

describe.each(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[])('%s', (action) => {
  let h: Harness;
  let valid: Record<string, unknown>;
  beforeAll(async () => {
    h = await makeHarness();
    valid = (await SCENARIOS[action].payload(h, callerFor(action))) as Record<string, unknown>;
  });
  afterAll(() => h.close());

  test('an unknown extra field is refused with VALIDATION and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in valid) && k !== '__proto__'), fc.jsonValue(), async (key, value) => {
        const before = await snapshot(h);
        const r = await h.call(callerFor(action), action, { ...valid, [key]: value } as never);
        structuredError(r as never);
        expect((r as { code: string }).code).toBe('VALIDATION');
        expect(await snapshot(h)).toBe(before);
      }),
      { numRuns: 8 },
    );
  });

  test('a field of the wrong type is refused and changes nothing', async () => {
    const keys = Object.keys(valid).filter((k) => valid[k] !== undefined);
    if (!keys.length) return;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys).chain((k) => fc.tuple(fc.constant(k), otherType(valid[k]))), async ([key, value]) => {
        const before = await snapshot(h);
        const r = await h.call(callerFor(action), action, { ...valid, [key]: value } as never);
        structuredError(r as never);
        expect(await snapshot(h)).toBe(before);
      }),
      { numRuns: 10 },
    );
  });

  test('any payload at all gets a well-formed answer, and a refused one changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 2 }), async (payload) => {
        const before = await snapshot(h);
        const r = await h.raw(callerFor(action), { action, payload });
        if (r.ok) return;
        structuredError(r);
        expect(await snapshot(h)).toBe(before);
      }),
      { numRuns: 10 },
    );
  });
});
