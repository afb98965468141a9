import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import type { DrawDocument } from '../../../cloudfunctions/src/application/monthly-draw';
import type { FollowUpRecord } from '../../../cloudfunctions/src/application/follow-ups';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { storeWith } from '../../support/store-with';
import { CLOSED_MONTH, decidedCase, drawnCases, wholeDrawList } from '../../support/supervision-fixtures';

// The monthly draw at its edges: the instant a month closes, a re-run after the chain has moved on, a draw whose
// follow-up visits were interrupted, the pages of the drawn cases, and a store failing under the preview.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const twelveCasesInMay = async (): Promise<void> => {
  for (let day = 1; day <= 12; day++) await decidedCase(h, `2026-05-${String(day).padStart(2, '0')}T02:00:00.000Z`);
};

/** The harness's store, with `method` on `collection` failing as a lost connection would, until restored. */
function breakStore(method: 'insert' | 'get', collection: string): () => void {
  const store = h.deps.store;
  const original = store[method].bind(store) as (c: string, ...rest: never[]) => Promise<never>;
  h.deps.store = storeWith(store, {
    [method]: (c: string, ...rest: never[]) => (c === collection ? Promise.reject(new Error('connection reset')) : original(c, ...rest)),
  });
  return () => {
    h.deps.store = store;
  };
}

/** May's draw run on 1 June and stopped after storing the draw, before any follow-up visit was written. */
async function drawInterruptedBeforeItsVisits(): Promise<void> {
  h.clock.set('2026-06-01T02:00:00+08:00');
  const restore = breakStore('insert', 'followUps');
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(await h.call('supervisor', 'runDraw', { month: CLOSED_MONTH })).toMatchObject({ ok: false, code: 'INTERNAL' });
  error.mockRestore();
  restore();
}

test('a month can be drawn from the very instant it closes in China time, and not a moment before', async () => {
  await decidedCase(h);
  h.clock.set('2026-05-31T15:59:59.999Z');
  expect(await h.call('supervisor', 'runDraw', { month: CLOSED_MONTH })).toEqual({
    ok: false, code: 'INVALID_STATE', message: '2026-05 尚未结束（北京时间），下月 1 日起才能抽查',
  });
  h.clock.set('2026-05-31T16:00:00.000Z'); // 00:00 on 1 June in China
  expect(await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH })).toMatchObject({ created: true, draw: { populationSize: 1 } });
});

test('running a month again after the next month is drawn answers its stored record instead of refusing', async () => {
  await twelveCasesInMay();
  const may = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  h.clock.set('2026-07-01T02:00:00+08:00');
  await h.ok('supervisor', 'runDraw', { month: '2026-06' });
  const again = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  expect(again).toMatchObject({ created: false, draw: { drawHash: may.draw.drawHash, selectedCount: 2 } });
  expect(await h.deps.store.count('followUps', { month: CLOSED_MONTH })).toBe(2);
});

test('a draw stored before its follow-up visits could be opened opens them when run again, and its page lists only the opened ones', async () => {
  await twelveCasesInMay();
  // Another month's visits exist, so counting the visits of every month would find "enough" of them.
  h.clock.set('2026-05-01T02:00:00+08:00');
  for (let day = 10; day <= 20; day++) await decidedCase(h, `2026-04-${day}T02:00:00.000Z`);
  await h.ok('supervisor', 'runDraw', { month: '2026-04' });
  expect(await h.deps.store.count('followUps', { month: '2026-04' })).toBe(2);

  await drawInterruptedBeforeItsVisits();
  expect(await h.deps.store.get('draws', CLOSED_MONTH)).not.toBeNull();
  expect(await h.deps.store.count('followUps', { month: CLOSED_MONTH })).toBe(0);
  // The drawn cases have no visit yet: the page shows none rather than a row without one.
  const before = await h.ok('supervisor', 'getDraw', { month: CLOSED_MONTH });
  expect(before.page).toMatchObject({ list: 'selected', items: [], total: 2 });

  const rerun = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  expect(rerun.created).toBe(false);
  const opened = await h.deps.store.find<FollowUpRecord>('followUps', { where: { month: CLOSED_MONTH } });
  expect(opened).toHaveLength(2);
  expect(opened.map((f) => f.caseId).sort()).toEqual((await wholeDrawList(h, CLOSED_MONTH, 'selected')).map((s) => s.caseId).sort());
  expect(opened.every((f) => f.status === 'open' && f.companyName.length > 0 && f.caseNumber.length > 0)).toBe(true);
});

test('a follow-up due on a known working day tells its handler nothing: only a provisional date is announced', async () => {
  await twelveCasesInMay();
  h.clock.set('2026-06-01T02:00:00+08:00');
  await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  const messages = await h.deps.store.find<OutboxMessage>('outbox', { where: { to: 'staff' }, limit: 100 });
  expect(messages.filter((m) => m.event === 'provisionalDateIssued')).toEqual([]);
  expect((await h.deps.store.find<FollowUpRecord>('followUps', { where: { month: CLOSED_MONTH } })).every((f) => f.dueProvisional === undefined)).toBe(true);
});

test('getDraw answers one page of the drawn cases, as many as asked for', async () => {
  await twelveCasesInMay();
  const { draw } = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  expect(draw.selectedCount).toBe(2);
  const first = await h.ok('supervisor', 'getDraw', { month: CLOSED_MONTH, list: 'selected', offset: 0, limit: 1 });
  const second = await h.ok('supervisor', 'getDraw', { month: CLOSED_MONTH, list: 'selected', offset: 1, limit: 1 });
  expect(first.page).toMatchObject({ total: 2, offset: 0, limit: 1 });
  const [a, b] = [drawnCases(first), drawnCases(second)];
  expect(a).toHaveLength(1);
  expect(b).toHaveLength(1);
  expect(a[0]!.caseId).not.toBe(b[0]!.caseId);
});

test('a preview after the draw says the month is already drawn', async () => {
  await decidedCase(h);
  expect(await h.ok('supervisor', 'previewDraw', { month: CLOSED_MONTH })).toMatchObject({ alreadyDrawn: false });
  await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  expect(await h.ok('supervisor', 'previewDraw', { month: CLOSED_MONTH })).toMatchObject({ alreadyDrawn: true, populationSize: 1 });
});

test('a store failing under the preview is an internal error, not a refusal of the month', async () => {
  await decidedCase(h);
  const restore = breakStore('get', 'draws');
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const r = await h.call('supervisor', 'previewDraw', { month: CLOSED_MONTH });
  error.mockRestore();
  restore();
  expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
  expect(JSON.stringify(r)).not.toContain('connection reset');
});

test('visits due past the known calendar are provisional, and the handler hears of each one: one notice per visit', async () => {
  for (let day = 1; day <= 12; day++) await decidedCase(h, `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`);
  h.clock.set('2026-12-20T02:00:00+08:00'); // 20 working days on run into 2027, whose holidays are not published yet
  await h.ok('supervisor', 'runDraw', { month: '2026-11' });
  const visits = await h.deps.store.find<FollowUpRecord>('followUps', { where: { month: '2026-11' } });
  expect(visits).toHaveLength(2);
  expect(visits.every((f) => f.dueProvisional === true)).toBe(true);
  const notices = (await h.deps.store.find<OutboxMessage>('outbox', { where: { to: 'staff' }, limit: 100 })).filter((m) => m.event === 'provisionalDateIssued');
  expect(notices.map((n) => n._id).sort()).toEqual(visits.map((f) => `followUps:${f._id}:provisionalDateIssued:staff`).sort());
});

test('a run that read the month as undrawn just before another run stored it answers the stored draw and completes it once', async () => {
  await twelveCasesInMay();
  const first = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  // The second run's read of the month happened before the first run's insert: it sees no draw, draws, and loses the insert.
  const store = h.deps.store;
  let stale = true;
  h.deps.store = storeWith(store, {
    get: <T extends object>(c: string, id: string) => (c === 'draws' && id === CLOSED_MONTH && stale ? ((stale = false), Promise.resolve(null)) : store.get<T>(c, id)),
  });
  const second = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  h.deps.store = store;
  expect(stale).toBe(false);
  expect(second).toMatchObject({ created: false, draw: { drawHash: first.draw.drawHash, selectedCount: 2 } });
  expect(await h.deps.store.count('followUps', { month: CLOSED_MONTH })).toBe(2);
  const done = (await h.deps.store.find<OutboxMessage>('outbox', { where: { to: 'supervisor' }, limit: 100 })).filter((m) => m.event === 'drawDone');
  expect(done).toHaveLength(1);
});

test('re-run after an interruption, a drawn case whose decision time has since left the month still gets its visit', async () => {
  await twelveCasesInMay();
  await drawInterruptedBeforeItsVisits();
  const { selectedIds } = (await h.deps.store.get<DrawDocument>('draws', CLOSED_MONTH))!;
  // The record now says June (verifying the draw reports it): the month's cases no longer hold it.
  await forceCase(h, selectedIds[0]!, { decidedAt: '2026-06-02T02:00:00.000Z' });
  await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  const visits = await h.deps.store.find<FollowUpRecord>('followUps', { where: { month: CLOSED_MONTH } });
  expect(visits.map((f) => f.caseId).sort()).toEqual([...selectedIds].sort());
  expect(visits.every((f) => f.caseNumber.length > 0)).toBe(true);
});
