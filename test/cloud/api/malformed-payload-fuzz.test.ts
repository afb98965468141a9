import fc from 'fast-check';
import { ALL_ACTIONS } from '../../../cloudfunctions/src/actions';
import { type Harness, makeHarness } from '../../support/harness';
import { declaredWrites, SCENARIOS } from '../../support/scenarios';
import { changedParts, snapshotText, stateOf } from '../../support/state-snapshot';

// Some rows render PDFs (signing a form, the archive): seconds each on a loaded two-core machine.
jest.setTimeout(30_000);

// Every action, fed malformed payloads: a structured error with a stable code and a Chinese message, and no change
// to any collection or stored file. Valid payloads come from the authorization matrix's scenarios, then are broken.
// No property returns early: an action without fields gets wrong envelopes where others get fields of the wrong
// type, and a random payload the action accepts may change only what its scenario row declares (`writes`). The
// last test counts what ran.

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

type ActionName = keyof typeof SCENARIOS;
const ACTIONS = Object.keys(SCENARIOS) as ActionName[];
const RUNS = { extraField: 8, wrongType: 10, wrongEnvelope: 6, anything: 10 };
const ran = { actions: new Set<string>(), callers: new Set<string>(), payloads: 0, accepted: 0, refused: 0 };

// A caller who may call each action, so refusals come from validation, not from authorization.
const callerFor = (action: ActionName): string => SCENARIOS[action].allowed[0]!;

/** Requests whose envelope is wrong around a valid payload: the event, the action name, the payload or the request id. */
const wrongEnvelope = (action: string, valid: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 2 })),
    fc.record({ action: fc.oneof(fc.integer(), fc.constant(''), fc.constant([action]), fc.constant(null), fc.string({ minLength: 65, maxLength: 80 })), payload: fc.constant(valid) }),
    fc.record({ action: fc.constant(action), payload: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 2 })) }),
    fc.record({ action: fc.constant(action), payload: fc.constant(valid), requestId: fc.oneof(fc.string({ maxLength: 7 }), fc.constant('has spaces in it'), fc.integer()) }),
  );

describe.each(ACTIONS)('%s', (action) => {
  let h: Harness;
  let valid: Record<string, unknown>;
  const caller = callerFor(action);
  /** Sends one request and checks it was refused with a structured error and left every collection and file alone. */
  const refusedUnchanged = async (event: unknown, code?: string): Promise<void> => {
    const before = snapshotText(await stateOf(h));
    const r = await h.raw(caller, event);
    ran.payloads++;
    structuredError(r as never);
    if (code) expect((r as { code: string }).code).toBe(code);
    expect(snapshotText(await stateOf(h))).toBe(before);
    ran.refused++;
  };
  beforeAll(async () => {
    h = await makeHarness({ caseParties: true });
    valid = (await SCENARIOS[action].payload(h, caller)) as Record<string, unknown>;
    ran.actions.add(action);
    ran.callers.add(caller);
  });
  afterAll(() => h.close());

  test('an unknown extra field is refused with VALIDATION and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in valid) && k !== '__proto__'), fc.jsonValue(), (key, value) =>
        refusedUnchanged({ action, payload: { ...valid, [key]: value } }, 'VALIDATION')),
      { numRuns: RUNS.extraField },
    );
  });

  // An action whose payload has no fields has no field to get wrong: its envelope is broken instead.
  test('a field of the wrong type (or, without fields, a wrong envelope) is refused and changes nothing', async () => {
    const keys = Object.keys(valid).filter((k) => valid[k] !== undefined);
    const wrongField = () => fc.constantFrom(...keys).chain((k) => otherType(valid[k]).map((v) => ({ action, payload: { ...valid, [k]: v } })));
    await fc.assert(fc.asyncProperty(keys.length ? wrongField() : wrongEnvelope(action, valid), (event) => refusedUnchanged(event)), { numRuns: RUNS.wrongType });
  });

  test('a wrong envelope around a valid payload is refused and changes nothing', async () => {
    await fc.assert(fc.asyncProperty(wrongEnvelope(action, valid), (event) => refusedUnchanged(event)), { numRuns: RUNS.wrongEnvelope });
  });

  test('any payload at all gets a well-formed answer; a refused one changes nothing, an accepted one only what the action writes', async () => {
    const mayChange = declaredWrites(action, caller);
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 2 }), async (payload) => {
        const before = await stateOf(h);
        const r = await h.raw(caller, { action, payload });
        const changed = changedParts(before, await stateOf(h));
        ran.payloads++;
        if (r.ok) {
          ran.accepted++;
          expect(changed.filter((part) => !mayChange.includes(part))).toEqual([]);
        } else {
          ran.refused++;
          structuredError(r);
          expect(changed).toEqual([]);
        }
      }),
      { numRuns: RUNS.anything },
    );
  });
});

test('the fuzz ran every action, each with every kind of malformed payload', () => {
  const perAction = RUNS.extraField + RUNS.wrongType + RUNS.wrongEnvelope + RUNS.anything;
  console.log(`malformed-payload fuzz: ${ran.actions.size} actions, ${ran.callers.size} callers, ${ran.payloads} payloads (${ran.refused} refused, ${ran.accepted} accepted)`);
  expect(ran.actions.size).toBe(ALL_ACTIONS.length);
  expect(ran.payloads).toBe(ACTIONS.length * perAction);
  expect(ran.accepted + ran.refused).toBe(ran.payloads);
  expect(ran.refused).toBeGreaterThanOrEqual(ACTIONS.length * (perAction - RUNS.anything));
});
