import { ALL_ACTIONS } from '../../../cloudfunctions/src/actions';
import { makeHarness } from '../../support/harness';
import { EVERYONE, SCENARIOS } from '../../support/scenarios';

// Some rows render PDFs (signing a form, the archive): seconds each on a loaded two-core machine.
jest.setTimeout(30_000);

// Each action × each role, on the caller's own case and on someone else's: allowed or refused as SPEC.md says.
// A new action cannot be added without a row here: the first test fails until it has one.

test('every action of the api has a row in the authorization matrix', () => {
  expect(ALL_ACTIONS.map((a) => a.name).sort()).toEqual(Object.keys(SCENARIOS).sort());
});

const rows = Object.entries(SCENARIOS).flatMap(([action, s]) => EVERYONE.map((who) => [action, who, s.allowed.includes(who)] as const));

describe.each(Object.keys(SCENARIOS))('%s', (action) => {
  test.each(rows.filter(([a]) => a === action).map(([, who, allowed]) => [who, allowed ? 'allowed' : 'refused'] as const))(
    'as %s: %s',
    async (who, expected) => {
      const h = await makeHarness();
      try {
        const scenario = SCENARIOS[action as keyof typeof SCENARIOS];
        const payload = await scenario.payload(h, who);
        const result = await h.call(who, action as never, payload as never);
        if (expected === 'allowed') expect(result).toMatchObject({ ok: true });
        else expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
      } finally {
        h.close();
      }
    },
  );
});
