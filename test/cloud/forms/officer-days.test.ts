import type { ActionContext } from '../../../cloudfunctions/src/api/context';
import { bookingsOfDay, claimSlot, type OfficerDay, releaseSlot } from '../../../cloudfunctions/src/application/officer-days';
import { systemContext } from '../../../cloudfunctions/src/application/system-context';
import type { Store } from '../../../cloudfunctions/src/ports/store';
import { type Harness, makeHarness } from '../../support/harness';

// An officer's day of inspections (officerDays): claiming and giving back slots by compare-and-set, through the
// functions the booking actions call, on the local store, with another writer stood in where a race is the point.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

// 4 December 2026, China time: 09:00–10:00, 09:30–10:30 (overlaps the first) and 14:00–15:00.
const NINE = { start: '2026-12-04T01:00:00.000Z', end: '2026-12-04T02:00:00.000Z' };
const NINE_THIRTY = { start: '2026-12-04T01:30:00.000Z', end: '2026-12-04T02:30:00.000Z' };
const TWO = { start: '2026-12-04T06:00:00.000Z', end: '2026-12-04T07:00:00.000Z' };
const DAY = 'staff-1:2026-12-04';

/** The store, with its next `lost` compare-and-set writes (replace, insert) lost to another writer. */
const racing = (store: Store, lost: number) => {
  const counts = { gets: 0, writes: 0 };
  let left = lost;
  const raced: Store = {
    ...store,
    get: (collection, id) => {
      if (collection === 'officerDays') counts.gets++;
      return store.get(collection, id);
    },
    find: (collection, query) => store.find(collection, query),
    count: (collection, where) => store.count(collection, where),
    remove: (collection, id) => store.remove(collection, id),
    insert: async (collection, id, doc) => {
      counts.writes++;
      return left-- > 0 ? false : store.insert(collection, id, doc);
    },
    replace: async (collection, id, version, doc) => {
      counts.writes++;
      return left-- > 0 ? null : store.replace(collection, id, version, doc);
    },
  };
  return { raced, counts };
};

const ctxWith = (store: Store = h.deps.store): ActionContext => ({ ...systemContext(h.deps), store });
const caseIn = (id: string, state: string) => h.deps.store.insert('cases', id, { state });
const day = () => h.deps.store.get<OfficerDay>('officerDays', DAY);

test('a slot is claimed once per case: claiming it again changes nothing; the same case may hold another slot while it moves', async () => {
  await caseIn('a', 'ready');
  await claimSlot(ctxWith(), 'staff-1', NINE, 'a');
  expect(await day()).toMatchObject({ _version: 1, officerId: 'staff-1', date: '2026-12-04', bookings: [{ caseId: 'a', ...NINE }] });
  await claimSlot(ctxWith(), 'staff-1', NINE, 'a');
  expect((await day())!._version).toBe(1);
  // Rescheduling claims the new slot first (then gives the old one back).
  await claimSlot(ctxWith(), 'staff-1', TWO, 'a');
  expect((await day())!.bookings).toEqual([{ caseId: 'a', ...NINE }, { caseId: 'a', ...TWO }]);
});

test('another case cannot take an overlapping slot; one booked by a withdrawn, on-site or vanished case no longer holds it', async () => {
  await caseIn('a', 'scheduled');
  await caseIn('b', 'ready');
  await claimSlot(ctxWith(), 'staff-1', NINE, 'a');
  await expect(claimSlot(ctxWith(), 'staff-1', NINE_THIRTY, 'b')).rejects.toMatchObject({ code: 'CONFLICT', message: '该时段已有其他踏勘预约，请选择其他时段' });
  await expect(claimSlot(ctxWith(), 'staff-1', NINE, 'b')).rejects.toMatchObject({ code: 'CONFLICT' });
  expect(await bookingsOfDay(ctxWith(), 'staff-1', TWO)).toEqual([{ caseId: 'a', ...NINE }]);

  for (const state of ['withdrawn', 'onsite']) {
    const a = (await h.deps.store.get<{ state: string }>('cases', 'a'))!;
    await h.deps.store.replace('cases', 'a', a._version, { state });
    expect(await bookingsOfDay(ctxWith(), 'staff-1', NINE)).toEqual([]);
  }
  await h.deps.store.remove('cases', 'a');
  expect(await bookingsOfDay(ctxWith(), 'staff-1', NINE)).toEqual([]);
  await claimSlot(ctxWith(), 'staff-1', NINE_THIRTY, 'b');
  // The stale booking is dropped when the day is written again.
  expect((await day())!.bookings).toEqual([{ caseId: 'b', ...NINE_THIRTY }]);
});

test('a day of no bookings reads empty', async () => {
  expect(await bookingsOfDay(ctxWith(), 'staff-1', NINE)).toEqual([]);
});

test('the daily maximum refuses one more case that day', async () => {
  h.deps.config.scheduling = { ...h.deps.config.scheduling, dailyMaximum: 1 };
  await caseIn('a', 'scheduled');
  await caseIn('b', 'ready');
  await claimSlot(ctxWith(), 'staff-1', NINE, 'a');
  await expect(claimSlot(ctxWith(), 'staff-1', TWO, 'b')).rejects.toMatchObject({ code: 'LIMIT', message: '经办人当天的踏勘已达上限（1场），请选择其他日期' });
});

test('a claim that loses its write to another booking reads the day again and tries again, up to eight times', async () => {
  await caseIn('a', 'ready');
  // The day's first write (an insert) and the next six are lost: the eighth attempt lands.
  const { raced, counts } = racing(h.deps.store, 7);
  await claimSlot(ctxWith(raced), 'staff-1', NINE, 'a');
  expect(counts).toEqual({ gets: 8, writes: 8 });
  expect((await day())!.bookings).toEqual([{ caseId: 'a', ...NINE }]);

  await caseIn('b', 'ready');
  const always = racing(h.deps.store, Number.POSITIVE_INFINITY);
  await expect(claimSlot(ctxWith(always.raced), 'staff-1', TWO, 'b')).rejects.toMatchObject({ code: 'CONFLICT', message: '预约人数较多，请稍后重试' });
  expect(always.counts).toEqual({ gets: 8, writes: 8 });
  expect((await day())!.bookings).toEqual([{ caseId: 'a', ...NINE }]);
});

test('giving a slot back removes that case’s bookings only, and writes nothing when the case holds none', async () => {
  await caseIn('a', 'scheduled');
  await caseIn('b', 'scheduled');
  await claimSlot(ctxWith(), 'staff-1', NINE, 'a');
  await claimSlot(ctxWith(), 'staff-1', TWO, 'b');
  await releaseSlot(ctxWith(), 'staff-1', NINE, 'a');
  expect(await day()).toMatchObject({ _version: 3, bookings: [{ caseId: 'b', ...TWO }] });
  await releaseSlot(ctxWith(), 'staff-1', NINE, 'a');
  await releaseSlot(ctxWith(), 'staff-2', NINE, 'a');
  expect((await day())!._version).toBe(3);
  expect(await h.deps.store.get('officerDays', 'staff-2:2026-12-04')).toBeNull();
});

test('a release that loses its write tries again, up to eight times, then asks the user to retry', async () => {
  await caseIn('a', 'scheduled');
  await claimSlot(ctxWith(), 'staff-1', NINE, 'a');
  const { raced, counts } = racing(h.deps.store, 7);
  await releaseSlot(ctxWith(raced), 'staff-1', NINE, 'a');
  expect(counts).toEqual({ gets: 8, writes: 8 });
  expect((await day())!.bookings).toEqual([]);

  await claimSlot(ctxWith(), 'staff-1', NINE, 'a');
  const always = racing(h.deps.store, Number.POSITIVE_INFINITY);
  await expect(releaseSlot(ctxWith(always.raced), 'staff-1', NINE, 'a')).rejects.toMatchObject({ code: 'CONFLICT', message: '系统繁忙，请稍后重试' });
  expect(always.counts).toEqual({ gets: 8, writes: 8 });
});
