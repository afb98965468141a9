import { ALL_ACTIONS } from '../../../cloudfunctions/src/actions';
import type { AuditEntry } from '../../../cloudfunctions/src/domain/case';
import { makeHarness } from '../../support/harness';
import { addLivePhoto, addScreenshot, decidedCase } from '../../support/inspection';
import { declaredWrites, EVERYONE, SCENARIOS } from '../../support/scenarios';
import { addedIds, changedParts, stateOf } from '../../support/state-snapshot';

// Some rows render PDFs (signing a form, the archive): seconds each on a loaded two-core machine.
jest.setTimeout(30_000);

// Each action × each caller, on cases where the contact and the observer have their part: allowed or refused as
// SPEC.md says. An allowed call must have the effect its row declares (the parts of the state in `writes`, an
// audit entry by the caller) and no other; a refused call must change nothing. A new action cannot be added
// without a row here: the first test fails until it has one.

type ActionName = keyof typeof SCENARIOS;
const ACTIONS = Object.keys(SCENARIOS) as ActionName[];
const MUTATES = new Map(ALL_ACTIONS.map((a) => [a.name as string, a.mutates]));
const ran = { calls: 0, allowed: 0, refused: 0, actions: new Set<string>(), callers: new Set<string>() };

test('every action of the api has a row in the authorization matrix', () => {
  expect(ALL_ACTIONS.map((a) => a.name).sort()).toEqual([...ACTIONS].sort());
});

test.each(ACTIONS)('%s: a row without `writes` is a read-only action', (action) => {
  if (!SCENARIOS[action].writes) expect(`${action} mutates: ${MUTATES.get(action)}`).toBe(`${action} mutates: false`);
});

describe.each(ACTIONS)('%s', (action) => {
  const scenario = SCENARIOS[action];
  test.each(EVERYONE.map((who) => [who, scenario.allowed.includes(who) ? 'allowed' : 'refused'] as const))('as %s: %s', async (who, expected) => {
    const h = await makeHarness({ caseParties: true });
    try {
      const payload = await scenario.payload(h, who);
      const before = await stateOf(h);
      const result = await h.call(who, action as never, payload as never);
      const after = await stateOf(h);
      ran.calls++;
      ran.actions.add(action);
      ran.callers.add(who);
      if (expected === 'allowed') {
        ran.allowed++;
        expect(result).toMatchObject({ ok: true });
        const writes = declaredWrites(action, who);
        expect(changedParts(before, after)).toEqual(writes);
        if (writes.includes('audit')) {
          const entries = await Promise.all(addedIds(before, after, 'audit').map((id) => h.deps.store.get<AuditEntry>('audit', id)));
          expect(entries.map((e) => e!.actorId)).toContain(who);
        }
      } else {
        ran.refused++;
        expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
        expect(changedParts(before, after)).toEqual([]);
      }
    } finally {
      h.close();
    }
  });
});

// Every action once, as the case's handler where the action is theirs (who could most plausibly touch evidence), its
// own valid payload turned onto a decided case with a live photo and a screenshot wherever it names a case.
const decidedRuns = { actions: 0, records: 0, files: 0 };
test.each(ACTIONS)('%s leaves a decided case’s evidence and its files as they were', async (action) => {
  const h = await makeHarness({ caseParties: true });
  try {
    const caseId = await decidedCase(h, 'archived', async (id) => {
      await addLivePhoto(h, id);
      await addScreenshot(h, id);
    });
    const chain = await h.deps.store.find<{ fileId?: string }>('evidence', { where: { caseId }, orderBy: [['_id', 'asc']] });
    const fileIds = chain.map((r) => r.fileId).filter((id): id is string => !!id);
    const bytes = (): Promise<string[]> =>
      Promise.all(fileIds.map(async (id) => ((await h.deps.files.stat(id)) ? Buffer.concat(await (await h.deps.files.read(id)).toArray()).toString('base64') : 'missing')));
    const filesBefore = await bytes();
    expect(fileIds).toHaveLength(2);

    const { allowed } = SCENARIOS[action];
    const who = allowed.includes('staff') ? 'staff' : allowed[0]!;
    const payload = (await SCENARIOS[action].payload(h, who)) as Record<string, unknown>;
    const target = 'caseId' in payload ? { caseId, ...('version' in payload ? { version: (await h.deps.store.get('cases', caseId))!._version } : {}) } : {};
    expect(await h.call(who, action as never, { ...payload, ...target } as never)).toHaveProperty('ok');

    // Records may only be added after them (a supersede note); every one there before is as it was, at its place.
    const chainAfter = await h.deps.store.find<object>('evidence', { where: { caseId }, orderBy: [['_id', 'asc']] });
    expect(chainAfter.slice(0, chain.length)).toEqual(chain);
    expect(await bytes()).toEqual(filesBefore);
    decidedRuns.actions++;
    decidedRuns.records += chain.length;
    decidedRuns.files += fileIds.length;
  } finally {
    h.close();
  }
});

test('the matrix ran every action as every caller, and every action against a decided case', () => {
  const rows = ACTIONS.length * EVERYONE.length;
  console.log(`authorization matrix: ${ran.actions.size} actions × ${ran.callers.size} callers = ${ran.calls} calls (${ran.allowed} allowed, ${ran.refused} refused)`);
  expect(ran.actions.size).toBe(ALL_ACTIONS.length);
  expect(ran.callers.size).toBe(EVERYONE.length);
  expect(ran.calls).toBe(rows);
  expect(ran.allowed + ran.refused).toBe(rows);
  expect(ran.allowed).toBeGreaterThan(ACTIONS.length);
  console.log(`decided case: ${decidedRuns.actions} actions called; ${decidedRuns.records} evidence records and ${decidedRuns.files} files checked unchanged`);
  expect(decidedRuns.actions).toBe(ACTIONS.length);
});
