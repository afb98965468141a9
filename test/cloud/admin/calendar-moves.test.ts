import type { ActionContext } from '../../../cloudfunctions/src/api/context';
import { AppError } from '../../../cloudfunctions/src/api/errors';
import { knownYear } from '../../../cloudfunctions/src/application/calendar-years';
import { chinaTime } from '../../../cloudfunctions/src/domain/china-time';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { NOTICE_2027, rectifyingCase, scheduledCase } from '../../support/inspection';
import { prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';
import { CLOSED_MONTH, decidedCase, pendingFinding } from '../../support/supervision-fixtures';

jest.setTimeout(90_000);

// What entering a year's notice would move, and what the year's page says. Everything is set on Monday 28 December
// 2026 and counted through 2027 on the statutory days (元旦 on 1 January only).

/** A 2027 notice that keeps every January day as the statutory rule has it. */
const QUIET_2027 = {
  year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知',
  festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] }, { name: '国庆节', from: '2027-10-01', to: '2027-10-07', workdays: [] }],
};

describe('the dates a notice would move', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('lists each open date the notice moves once, and nothing a notice leaves alone, settled or past', async () => {
    h = await makeHarness({ caseParties: true });
    await decidedCase(h);
    const corrected = await decidedCase(h, '2026-05-21T02:00:00.000Z', {}, 'otherApplicant');
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    const followUps = (await h.ok('supervisor', 'listFollowUps', {})).items;
    const finding = await pendingFinding(h, corrected);
    const order = await h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason: '虚报经营场所地址', correctionWorkingDays: 10 });
    const rectifying = await rectifyingCase(h);
    // Rectified and then decided: its deadline is settled, whatever a notice says.
    const settled = await rectifyingCase(h);
    await forceCase(h, settled.caseId, { state: 'passed' });
    const start = chinaTime('2027-01-04 10:00').toISOString();
    const ready = await prepared.ready(h);
    const offered = await h.ok('staff', 'offerSlots', { ...ref(ready), starts: [start] });
    await h.ok('applicant', 'bookSlot', { caseId: ready.id, version: offered.case.version, start });
    const moved = async () => (await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: false })).moved;

    expect((await h.ok('admin', 'saveCalendarYear', { ...QUIET_2027, version: 0, confirm: false })).moved).toEqual([]);
    const listed = await moved();
    expect(listed.filter((m) => m.kind === 'rectification').map((m) => m.caseId)).toEqual([rectifying.caseId]);
    expect(listed.filter((m) => m.kind === 'correction')).toEqual([expect.objectContaining({ caseId: corrected._id, issued: order.decision!.correctionDeadline })]);
    expect(listed.filter((m) => m.kind === 'followUp').map((m) => m.caseId).sort()).toEqual(followUps.filter((f) => f.dueAt > '2027').map((f) => f.caseId).sort());
    expect(followUps.length).toBeGreaterThan(0);
    expect(listed.filter((m) => m.kind === 'booking')).toEqual([{ kind: 'booking', caseId: ready.id, caseNumber: ready.number, issued: start }]);

    // A booking is listed up to its start, an order to correct up to its deadline; not once they are past.
    h.clock.set(start);
    expect((await moved()).map((m) => m.kind)).toContain('booking');
    h.clock.set(new Date(Date.parse(start) + 1).toISOString());
    expect((await moved()).map((m) => m.kind)).not.toContain('booking');
    const due = order.decision!.correctionDeadline!;
    h.clock.set(due);
    expect((await moved()).map((m) => m.kind)).toContain('correction');
    h.clock.set(new Date(Date.parse(due) + 1).toISOString());
    expect((await moved()).map((m) => m.kind)).not.toContain('correction');

    // A later year's notice moves none of them, and counts none of them on a calendar that does not reach back to them.
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    const later = await h.ok('admin', 'saveCalendarYear', { year: 2029, version: 0, confirm: false, source: '国务院办公厅关于2029年部分节假日安排的通知', festivals: [{ name: '元旦', from: '2029-01-01', to: '2029-01-01', workdays: [] }] });
    expect(later.moved).toEqual([]);
  });

  it('lists the dates earliest first: rectifications by their inspection, bookings by their start, then by case', async () => {
    h = await makeHarness();
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    const [late, early, alsoEarly] = [(await rectifyingCase(h)).caseId, (await rectifyingCase(h)).caseId, (await rectifyingCase(h)).caseId];
    await forceCase(h, late, { scheduledAt: '2026-12-22T02:00:00.000Z' });
    await forceCase(h, early, { scheduledAt: '2026-12-21T02:00:00.000Z' });
    await forceCase(h, alsoEarly, { scheduledAt: '2026-12-21T02:00:00.000Z' });
    const [b1, b2, b3] = [await scheduledCase(h), await scheduledCase(h), await scheduledCase(h)];
    const at = (time: string) => ({ scheduledAt: chinaTime(`2027-01-04 ${time}`).toISOString(), scheduledEnd: chinaTime(`2027-01-04 ${time}`).toISOString() });
    await forceCase(h, b1, at('11:00'));
    await forceCase(h, b2, at('10:00'));
    await forceCase(h, b3, at('10:00'));
    const { moved } = await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: false });
    const byId = (a: string, b: string) => [a, b].sort();
    expect(moved.filter((m) => m.kind === 'rectification').map((m) => m.caseId)).toEqual([...byId(early, alsoEarly), late]);
    expect(moved.filter((m) => m.kind === 'booking').map((m) => m.caseId)).toEqual([...byId(b2, b3), b1]);
  });

  it('a follow-up visit already made is not listed: only open visits have a due date to move', async () => {
    h = await makeHarness();
    await decidedCase(h);
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    const [visit] = (await h.ok('supervisor', 'listFollowUps', {})).items;
    const moved = async () => (await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: false })).moved.map((m) => m.kind);
    expect(await moved()).toEqual(['followUp']);
    await h.ok('supervisor', 'recordFollowUpOutcome', { followUpId: visit!.id, version: visit!.version, result: 'consistent', note: '经营场所与申报一致', evidenceFileIds: [] });
    expect(await moved()).toEqual([]);
  });

  it('entering a past year moves nothing counted in later years', async () => {
    h = await makeHarness();
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    await rectifyingCase(h);
    const entered = await h.ok('admin', 'saveCalendarYear', {
      year: 2023, version: 0, confirm: false, source: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）',
      festivals: [{ name: '春节', from: '2023-01-21', to: '2023-01-27', workdays: ['2023-01-29', '2023-01-28'] }],
    });
    expect(entered.moved).toEqual([]);
  });
});

describe('a year as the admin sees it', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  it('an unknown year says why nothing is counted; an entered one says who entered it, with its days in order', async () => {
    expect((await h.ok('admin', 'getCalendarYear', { year: 2023 })).source).toBe('尚未录入国务院通知，该年不能按工作日计算');
    const saved = await h.ok('admin', 'saveCalendarYear', {
      year: 2023, version: 0, confirm: true, source: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）',
      festivals: [{ name: '春节', from: '2023-01-21', to: '2023-01-27', workdays: ['2023-01-29', '2023-01-28', '2023-01-29'] }],
    });
    expect(saved.year).toMatchObject({ updatedAt: h.clock.now().toISOString(), updatedByName: '管理员', workdayCount: 2 });
    expect(saved.year.festivals[0]!.workdays).toEqual(['2023-01-28', '2023-01-29']);
  });

  it('reminds of next year’s notice from 1 November, China time, and not before', async () => {
    h.clock.set(chinaTime('2026-10-31 23:59').toISOString());
    expect(await h.ok('admin', 'getCalendarYear', { year: 2026 })).not.toHaveProperty('reminder');
    h.clock.set(chinaTime('2026-11-01 00:00').toISOString());
    expect((await h.ok('admin', 'getCalendarYear', { year: 2026 })).reminder).toBe('2027年的节假日安排尚未录入：国务院办公厅通知发布后请及时录入，此前2027年的期限按法定假日暂算');
  });
});

describe('a year the calendar cannot give', () => {
  const failing = (e: Error) => ({ calendar: { year: async () => Promise.reject(e) } }) as unknown as ActionContext;

  it('is unknown only when the calendar refuses the year; any other failure is not taken for one', async () => {
    await expect(knownYear(failing(new AppError('VALIDATION', '2023年尚未录入')), 2023)).resolves.toBeNull();
    await expect(knownYear(failing(new AppError('CONFLICT')), 2023)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(knownYear(failing(new Error('数据库暂不可用')), 2023)).rejects.toThrow('数据库暂不可用');
  });
});
