import { chinaTime } from '../../../cloudfunctions/src/domain/china-time';
import { type Harness, makeHarness } from '../../support/harness';
import { NOTICE_2027 } from '../../support/inspection';
import { prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';

jest.setTimeout(60_000);

// An inspection booked on Monday 4 January 2027, a working day on the statutory 2027 days (元旦 on 1 January only);
// the notice as entered gives 1–4 January off.

type Message = { event: string; to: string; body: string; caseId?: string; page: string };
const messages = async (h: Harness, to: string, event: string): Promise<Message[]> =>
  (await h.deps.store.find<Message>('outbox', { where: { to } })).filter((m) => m.event === event);

/** A case booked, on 28 December 2026, for an inspection at `at` (China time). */
async function bookedFor(h: Harness, at: string) {
  h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
  const start = chinaTime(at).toISOString();
  const ready = await prepared.ready(h);
  const offered = await h.ok('staff', 'offerSlots', { ...ref(ready), starts: [start] });
  const booked = await h.ok('applicant', 'bookSlot', { caseId: ready.id, version: offered.case.version, start });
  return { ready, start, booked };
}

describe('a booked inspection on a day the new notice makes a holiday', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('is in the admin’s list; its handler is told and sees it on the case page until the inspection is rescheduled', async () => {
    h = await makeHarness();
    const { ready, start, booked } = await bookedFor(h, '2027-01-04 10:00');
    expect(booked.case.state).toBe('scheduled');
    // A working day under the calendar in force: no card yet.
    expect(await h.ok('staff', 'getCase', { caseId: ready.id })).not.toHaveProperty('bookingOnHoliday');

    const preview = await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: false });
    expect(preview.moved).toEqual([{ kind: 'booking', caseId: ready.id, caseNumber: ready.number, issued: start }]);
    expect(await messages(h, 'staff', 'bookingOnHoliday')).toHaveLength(0);

    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const told = await messages(h, 'staff', 'bookingOnHoliday');
    expect(told).toEqual([expect.objectContaining({ caseId: ready.id, page: `/package-staff/pages/case-review/case-review?id=${ready.id}` })]);
    expect(told[0]!.body).toContain('2027年1月4日 10:00');
    // Saved again with the same days: told once.
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 1, confirm: true });
    expect(await messages(h, 'staff', 'bookingOnHoliday')).toHaveLength(1);

    // The handler sees it (the booking is not a deadline to adopt); the applicant's view does not carry it.
    const seen = await h.ok('staff', 'getCase', { caseId: ready.id });
    expect(seen.bookingOnHoliday).toBe(start);
    expect(seen.pendingRecounts).toBeUndefined();
    expect(seen.can).toEqual(expect.arrayContaining(['rescheduleInspection']));
    expect(seen.can).not.toContain('settleRecountedDeadline');
    expect(await h.ok('applicant', 'getCase', { caseId: ready.id })).not.toHaveProperty('bookingOnHoliday');
    expect(await h.ok('head', 'getCase', { caseId: ready.id })).not.toHaveProperty('bookingOnHoliday');

    // Rescheduling through the existing flow clears it.
    await h.ok('staff', 'rescheduleInspection', { caseId: ready.id, version: seen.version, reason: '1月4日为元旦假期，改约' });
    const after = await h.ok('staff', 'getCase', { caseId: ready.id });
    expect(after.state).toBe('ready');
    expect(after).not.toHaveProperty('bookingOnHoliday');
  });

  it('an inspection held on the booked day before the notice made it a holiday: nothing to reschedule, no card', async () => {
    h = await makeHarness();
    const { ready, start, booked } = await bookedFor(h, '2027-01-04 10:00');
    h.clock.set(start);
    await h.ok('staff', 'startInspection', { caseId: ready.id, version: booked.case.version });
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const seen = await h.ok('staff', 'getCase', { caseId: ready.id });
    expect(seen.state).toBe('inspecting');
    expect(seen).not.toHaveProperty('bookingOnHoliday');
  });

  it('the case page opens without the card while the calendar cannot be read', async () => {
    h = await makeHarness();
    const { ready, start } = await bookedFor(h, '2027-01-04 10:00');
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    expect((await h.ok('staff', 'getCase', { caseId: ready.id })).bookingOnHoliday).toBe(start);
    h.deps.calendar = { ...h.deps.calendar, years: () => Promise.reject(new Error('calendarYears unreachable')) };
    const seen = await h.ok('staff', 'getCase', { caseId: ready.id });
    expect(seen.state).toBe('scheduled');
    expect(seen).not.toHaveProperty('bookingOnHoliday');
  });

  it('a booking on a day that stays a working day is not listed', async () => {
    h = await makeHarness();
    await bookedFor(h, '2027-01-05 10:00');
    expect((await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: false })).moved).toEqual([]);
  });
});
