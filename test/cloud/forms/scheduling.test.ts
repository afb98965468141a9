import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import type { OfficerDay } from '../../../cloudfunctions/src/application/officer-days';
import type { AuditEntry } from '../../../cloudfunctions/src/domain/case';
import type { CaseView } from '../../../typings/models';
import { type Harness, makeHarness } from '../../support/harness';
import { forceCase } from '../../support/fast-forward';
import { MONDAY_10, MONDAY_14, prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** `n` ready cases of the same handler, accepted one minute apart, first accepted first. */
async function readyCases(n: number, harness = h): Promise<CaseView[]> {
  const all: CaseView[] = [];
  for (let i = 0; i < n; i++) {
    all.push(await prepared.ready(harness));
    harness.clock.advance(60_000);
  }
  return all;
}

const offer = (c: CaseView, starts: string[], reason?: string) =>
  h.call('staff', 'offerSlots', { ...ref(c), starts, ...(reason ? { reason } : {}) });
const noticesTo = (to: string) => h.deps.store.find<OutboxMessage>('outbox', { where: { to }, orderBy: [['createdAt', 'asc']] });

describe('the ready queue (R11)', () => {
  test('lists the officer\'s ready cases in acceptance order, and says which await the applicant', async () => {
    const [first, second, third] = await readyCases(3);
    await h.ok('staff', 'offerSlots', { ...ref(first!), starts: [MONDAY_10] });
    const queue = await h.ok('staff', 'getReadyQueue', {});
    expect(queue.items.map((e) => [e.id, e.position, e.slotsOffered])).toEqual([
      [first!.id, 1, true], [second!.id, 2, false], [third!.id, 3, false],
    ]);
    expect((await h.ok('otherStaff', 'getReadyQueue', {})).total).toBe(0);
  });

  test('offering times to a later case while an earlier one waits needs a reason, and the audit keeps it', async () => {
    const [first, second] = await readyCases(2);
    expect(await offer(second!, [MONDAY_10])).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining(first!.number) });
    expect(await offer(second!, [MONDAY_10], '申请人明日出国，经科长同意优先安排')).toMatchObject({ ok: true });
    const audit = await h.deps.store.find<AuditEntry>('audit', { where: { caseId: second!.id, action: 'offerSlots' } });
    expect(audit[0]!.note).toContain('申请人明日出国，经科长同意优先安排');
    expect(audit[0]!.note).toContain(first!.number);
  });

  test('once the earlier case has its times, the next one needs no reason', async () => {
    const [first, second] = await readyCases(2);
    expect(await offer(first!, [MONDAY_10])).toMatchObject({ ok: true });
    expect(await offer(second!, [MONDAY_14])).toMatchObject({ ok: true });
  });

  test('an earlier case whose applicant asked for other times waits for the officer again', async () => {
    const [first, second] = await readyCases(2);
    const offered = await h.ok('staff', 'offerSlots', { ...ref(first!), starts: [MONDAY_10] });
    await h.ok('applicant', 'requestOtherTimes', { ...ref(offered.case), note: '周三上午方便' });
    expect(await offer(second!, [MONDAY_14])).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('offering slots', () => {
  test.each([
    ['on a Saturday', '2026-06-13T02:00:00Z', '不是工作日'],
    ['on the Dragon Boat Festival holiday', '2026-06-19T02:00:00Z', '不是工作日'],
    ['in the lunch break', '2026-06-15T04:30:00Z', '不在工作时间'],
    ['running past noon', '2026-06-15T03:30:00Z', '不在工作时间'],
    ['before office hours', '2026-06-15T00:30:00Z', '不在工作时间'],
    ['already past', '2026-06-12T01:00:00Z', '已经过去'],
  ])('refuses a slot %s', async (_, start, message) => {
    const [c] = await readyCases(1);
    expect(await offer(c!, [start])).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining(message) });
  });

  test('accepts a China-time offset and offers at most three slots that do not overlap', async () => {
    const [c] = await readyCases(1);
    const offered = await h.ok('staff', 'offerSlots', { ...ref(c!), starts: ['2026-06-15T16:00:00+08:00', MONDAY_10] });
    expect(offered.scheduling.offeredSlots).toEqual([
      { start: MONDAY_10, end: '2026-06-15T03:00:00.000Z' },
      { start: '2026-06-15T08:00:00.000Z', end: '2026-06-15T09:00:00.000Z' },
    ]);
    const four = ['2026-06-15T01:00:00Z', MONDAY_10, MONDAY_14, '2026-06-15T07:00:00Z'];
    expect(await offer(offered.case, four)).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('最多提供三个时段') });
    expect(await offer(offered.case, [MONDAY_10, '2026-06-15T02:30:00Z'])).toMatchObject({ ok: false, message: expect.stringContaining('不能重叠') });
  });

  test('the applicant is told the times offered', async () => {
    const [c] = await readyCases(1);
    await h.ok('staff', 'offerSlots', { ...ref(c!), starts: [MONDAY_10] });
    expect((await noticesTo('applicant')).map((n) => [n.event, n.body])).toContainEqual(['timesOffered', '可选时段：6月15日 10:00-11:00']);
  });

  test('a slot over another booked inspection of the officer is refused', async () => {
    const booked = await prepared.scheduled(h, MONDAY_10);
    h.clock.advance(60_000);
    const [other] = await readyCases(1);
    expect(booked.state).toBe('scheduled');
    expect(await offer(other!, ['2026-06-15T02:30:00Z'])).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await offer(other!, ['2026-06-15T03:00:00Z'])).toMatchObject({ ok: true });
  });

  test('a booked case withdrawn by its applicant no longer holds the officer\'s slot', async () => {
    const booked = await prepared.scheduled(h, MONDAY_10);
    await h.ok('applicant', 'withdrawCase', { ...ref(booked), reason: '不再申请' });
    h.clock.advance(60_000);
    const [other] = await readyCases(1);
    const offered = await h.ok('staff', 'offerSlots', { ...ref(other!), starts: [MONDAY_10] });
    await expect(h.ok('applicant', 'bookSlot', { ...ref(offered.case), start: MONDAY_10 })).resolves.toMatchObject({ case: { state: 'scheduled' } });
  });

  test('never beyond the officer\'s daily maximum', async () => {
    const small = await makeHarness({ config: { scheduling: { officeHours: [{ from: '09:00', to: '17:00' }], slotMinutes: 60, dailyMaximum: 2 } } });
    try {
      const cases = await readyCases(4, small);
      const hours = ['2026-06-15T01:00:00Z', '2026-06-15T02:00:00Z', '2026-06-15T03:00:00Z', '2026-06-15T05:00:00Z'];
      // Three are offered while the day is still free; only two can book.
      const offered = [];
      for (const [i, c] of cases.slice(0, 3).entries()) offered.push(await small.ok('staff', 'offerSlots', { ...ref(c), starts: [hours[i]!] }));
      for (const [i, o] of offered.slice(0, 2).entries()) await small.ok('applicant', 'bookSlot', { ...ref(o.case), start: hours[i]! });
      const third = await small.call('applicant', 'bookSlot', { ...ref(offered[2]!.case), start: hours[2]! });
      expect(third).toMatchObject({ ok: false, code: 'LIMIT', message: expect.stringContaining('2场') });
      // And no more are offered on that day.
      expect(await small.call('staff', 'offerSlots', { ...ref(cases[3]!), starts: [hours[3]!] })).toMatchObject({ ok: false, code: 'LIMIT' });
      expect(await small.call('staff', 'offerSlots', { ...ref(cases[3]!), starts: ['2026-06-16T01:00:00Z'] })).toMatchObject({ ok: true });
    } finally {
      small.close();
    }
  });
});

describe('booking', () => {
  test('the applicant picks an offered slot: the case is scheduled and the handler told the time', async () => {
    const c = await prepared.offered(h);
    const booked = await h.ok('applicant', 'bookSlot', { ...ref(c), start: MONDAY_14 });
    expect(booked.case.stateLabel).toBe('已预约');
    expect(booked.scheduling).toMatchObject({ booked: { start: MONDAY_14, end: '2026-06-15T07:00:00.000Z' }, offeredSlots: [] });
    expect(booked.meeting).toEqual({ start: MONDAY_14, end: '2026-06-15T07:00:00.000Z' });
    const told = (await noticesTo('staff')).find((n) => n.event === 'timePicked')!;
    expect(told.fields.start).toBe(MONDAY_14);
  });

  test('a time that was not offered cannot be booked', async () => {
    const c = await prepared.offered(h);
    expect(await h.call('applicant', 'bookSlot', { ...ref(c), start: '2026-06-16T02:00:00Z' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  test('two cases booking overlapping slots of the same officer at once: one is booked, the other refused cleanly', async () => {
    const [a, b] = await readyCases(2);
    const offeredA = await h.ok('staff', 'offerSlots', { ...ref(a!), starts: [MONDAY_10] });
    const offeredB = await h.ok('staff', 'offerSlots', { ...ref(b!), starts: ['2026-06-15T02:30:00Z'] });
    const results = await Promise.all([
      h.call('applicant', 'bookSlot', { ...ref(offeredA.case), start: MONDAY_10 }),
      h.call('applicant', 'bookSlot', { ...ref(offeredB.case), start: '2026-06-15T02:30:00Z' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    const day = (await h.deps.store.get<OfficerDay>('officerDays', 'staff:2026-06-15'))!;
    expect(day.bookings).toHaveLength(1);
    const states = await Promise.all([a!, b!].map(async (c) => (await h.ok('applicant', 'getCase', { caseId: c.id })).state));
    expect(states.sort()).toEqual(['ready', 'scheduled']);
  });

  test('the applicant asks for other times: the offer is withdrawn and the handler told', async () => {
    const c = await prepared.offered(h);
    const asked = await h.ok('applicant', 'requestOtherTimes', { ...ref(c), note: '下周三下午方便' });
    expect(asked.scheduling).toMatchObject({ offeredSlots: [], otherTimesRequest: { note: '下周三下午方便' } });
    expect((await noticesTo('staff')).map((n) => [n.event, n.body])).toContainEqual(['otherTimesRequested', '下周三下午方便']);
    expect(await h.call('applicant', 'bookSlot', { ...ref(asked.case), start: MONDAY_10 })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

describe('rescheduling and no-shows', () => {
  test('either side reschedules with a reason: back in the queue, counted, slot freed, everyone told', async () => {
    const c = await prepared.scheduled(h);
    const moved = await h.ok('applicant', 'rescheduleInspection', { ...ref(c), reason: '负责人临时出差' });
    expect(moved.case.stateLabel).toBe('待预约');
    expect(moved.scheduling).toEqual({ offeredSlots: [], reschedules: 1, noShows: 0 });
    expect(moved.meeting).toBeUndefined();
    for (const who of ['applicant', 'staff']) {
      const notice = (await noticesTo(who)).find((n) => n.event === 'meetingRescheduled')!;
      expect(notice.body).toContain('负责人临时出差');
    }
    expect((await h.deps.store.get<OfficerDay>('officerDays', 'staff:2026-06-15'))!.bookings).toEqual([]);

    const again = await h.ok('staff', 'offerSlots', { ...ref(moved.case), starts: [MONDAY_10] });
    const rebooked = await h.ok('applicant', 'bookSlot', { ...ref(again.case), start: MONDAY_10 });
    const movedByOfficer = await h.ok('staff', 'rescheduleInspection', { ...ref(rebooked.case), reason: '系统维护' });
    expect(movedByOfficer.scheduling.reschedules).toBe(2);
  });

  test('a booking made with one officer is given back on that officer’s day after the case passed to another', async () => {
    const c = await prepared.scheduled(h);
    // Reassigned after booking: the slot was claimed on staff's day, the case is now otherStaff's.
    await forceCase(h, c.id, { handlerId: 'otherStaff' });
    await h.deps.store.insert('officerDays', 'otherStaff:2026-06-15', { officerId: 'otherStaff', date: '2026-06-15', bookings: [{ caseId: c.id, start: '2026-06-15T02:00:00.000Z', end: '2026-06-15T03:00:00.000Z' }] });
    const current = (await h.deps.store.get<{ _version: number }>('cases', c.id))!;
    await h.ok('applicant', 'rescheduleInspection', { caseId: c.id, version: current._version, reason: '负责人临时出差' });
    expect((await h.deps.store.get<OfficerDay>('officerDays', 'staff:2026-06-15'))!.bookings).toEqual([]);
    expect((await h.deps.store.get<OfficerDay>('officerDays', 'otherStaff:2026-06-15'))!.bookings).toHaveLength(1);
  });

  test('a no-show is recorded only once the booked time has come, and counted', async () => {
    const c = await prepared.scheduled(h);
    expect(await h.call('staff', 'recordNoShow', ref(c))).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    h.clock.set('2026-06-15T02:15:00Z');
    const missed = await h.ok('staff', 'recordNoShow', { ...ref(c), note: '电话无人接听' });
    expect(missed.case.state).toBe('ready');
    expect(missed.scheduling).toMatchObject({ noShows: 1, reschedules: 0 });
    const notice = (await noticesTo('applicant')).find((n) => n.event === 'meetingRescheduled')!;
    expect(notice.body).toContain('申请人未按约参加（电话无人接听）');
    expect(await h.call('applicant', 'recordNoShow', ref(missed.case))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
