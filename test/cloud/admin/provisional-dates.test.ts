import { chinaTime, formatChina } from '../../../cloudfunctions/src/domain/china-time';
import { type Harness, makeHarness } from '../../support/harness';
import { NOTICE_2027 } from '../../support/inspection';
import { MONDAY_10, prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';
import { CLOSED_MONTH, decidedCase, pendingFinding } from '../../support/supervision-fixtures';

jest.setTimeout(60_000);

// Each of the dates a day count gives, issued in June 2026 (the notice is known) and in late December 2026 (the count
// reaches 2027, which has no notice yet): the second is marked provisional in the record, on what the pages read, in
// the applicant's message, and its case's handler is told.

type Message = { event: string; to: string; body: string; caseId?: string };
const messages = async (h: Harness, to: string, event: string): Promise<Message[]> =>
  (await h.deps.store.find<Message>('outbox', { where: { to } })).filter((m) => m.event === event);
const DECEMBER = chinaTime('2026-12-28 10:00').toISOString();

describe('dates counted into a year without a notice are marked provisional', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('slot offers: a 2026 slot is plain; a slot on 5 January 2027 is provisional, the applicant reads why, the handler is told', async () => {
    h = await makeHarness();
    const june = await h.ok('staff', 'offerSlots', { ...ref(await prepared.ready(h)), starts: [MONDAY_10] });
    expect(june.scheduling.offeredSlots).toEqual([{ start: MONDAY_10, end: '2026-06-15T03:00:00.000Z' }]);
    expect(await messages(h, 'staff', 'provisionalDateIssued')).toHaveLength(0);
    const plain = await h.ok('applicant', 'bookSlot', { caseId: june.case.id, version: june.case.version, start: MONDAY_10 });
    expect(plain.meeting).toEqual({ start: MONDAY_10, end: '2026-06-15T03:00:00.000Z' });

    h.clock.set(DECEMBER);
    const c = await prepared.ready(h, 'otherApplicant');
    const starts = [chinaTime('2026-12-30 10:00').toISOString(), chinaTime('2027-01-05 10:00').toISOString()];
    const december = await h.ok('staff', 'offerSlots', { ...ref(c), starts, reason: '先安排年底前可完成的办件' });
    expect(december.scheduling.offeredSlots.map((s) => !!s.provisional)).toEqual([false, true]);
    const applicantSees = await h.ok('otherApplicant', 'getGroup', { caseId: c.id });
    expect(applicantSees.scheduling.offeredSlots[1]).toMatchObject({ provisional: true });
    const offered = (await messages(h, 'otherApplicant', 'timesOffered')).find((m) => m.caseId === c.id)!;
    expect(offered.body).toContain('该日期按法定假日暂算');
    expect(await messages(h, 'staff', 'provisionalDateIssued')).toEqual([expect.objectContaining({ to: 'staff', caseId: c.id, body: expect.stringContaining('踏勘时段') })]);

    // Booked, the 2027 day still reads as provisional on the meeting card, where the June one did not.
    const booked = await h.ok('otherApplicant', 'bookSlot', { caseId: c.id, version: december.case.version, start: starts[1]! });
    expect(booked.meeting).toMatchObject({ start: starts[1], provisional: true });
  });

  it('credit correction deadlines: five working days from June stay plain; from 28 December they reach 2027 and are provisional', async () => {
    h = await makeHarness();
    const decide = async () => {
      const finding = await pendingFinding(h);
      return h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason: '虚报经营场所地址', correctionWorkingDays: 5 });
    };
    const june = await decide();
    expect(june.decision).not.toHaveProperty('correctionDeadlineProvisional');
    h.clock.set(DECEMBER);
    const december = await decide();
    expect(formatChina(december.decision!.correctionDeadline!, 'YYYY-MM-DD')).toBe('2027-01-05');
    expect(december.decision!.correctionDeadlineProvisional).toBe(true);

    // The applicant's credit file says so, and their message; the case's handler is told.
    const records = (await h.ok('applicant', 'listMyCreditRecords', {})).records;
    expect(records.map((r) => !!r.correctionDeadlineProvisional).sort()).toEqual([false, false, true, true]);
    const told = (await messages(h, 'applicant', 'creditDecision')).filter((m) => m.body.includes('2027-01-05'));
    expect(told).toEqual([expect.objectContaining({ body: expect.stringContaining('该日期按法定假日暂算') })]);
    expect(await messages(h, 'staff', 'provisionalDateIssued')).toEqual([expect.objectContaining({ to: 'staff', body: expect.stringContaining('责令改正期限') })]);
  });

  it('follow-up due dates: a draw in June gives a plain date; a draw on 28 December one in 2027, provisional', async () => {
    const drawAt = async (iso: string) => {
      h = await makeHarness();
      await decidedCase(h);
      h.clock.set(iso);
      await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
      return (await h.ok('supervisor', 'listFollowUps', {})).items[0]!;
    };
    const june = await drawAt(chinaTime('2026-06-12 10:00').toISOString());
    expect(june).not.toHaveProperty('dueProvisional');
    expect(await messages(h, 'staff', 'provisionalDateIssued')).toHaveLength(0);
    h.close();
    const december = await drawAt(DECEMBER);
    expect(formatChina(december.dueAt, 'YYYY-MM-DD')).toBe('2027-01-26');
    expect(december.dueProvisional).toBe(true);
    expect(await messages(h, 'staff', 'provisionalDateIssued')).toEqual([expect.objectContaining({ to: 'staff', caseId: december.caseId, body: expect.stringContaining('监督回访期限') })]);
    expect((await messages(h, 'supervisor', 'drawDone'))[0]!.body).toContain('该日期按法定假日暂算');
  });

  it('once the 2027 notice is entered the pages stop saying 暂算, while the records keep how the dates were counted', async () => {
    h = await makeHarness();
    const c = await decidedCase(h);
    h.clock.set(DECEMBER);
    const ready = await prepared.ready(h, 'otherApplicant');
    await h.ok('staff', 'offerSlots', { ...ref(ready), starts: [chinaTime('2027-01-05 10:00').toISOString()] });
    const finding = await pendingFinding(h, c);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason: '虚报经营场所地址', correctionWorkingDays: 5 });
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    const marks = async () => ({
      slot: !!(await h.ok('otherApplicant', 'getGroup', { caseId: ready.id })).scheduling.offeredSlots[0]!.provisional,
      credit: (await h.ok('applicant', 'listMyCreditRecords', {})).records.some((r) => r.correctionDeadlineProvisional),
      finding: !!(await h.ok('supervisor', 'listFindings', {})).items[0]!.decision!.correctionDeadlineProvisional,
      followUp: !!(await h.ok('supervisor', 'listFollowUps', {})).items[0]!.dueProvisional,
    });
    expect(await marks()).toEqual({ slot: true, credit: true, finding: true, followUp: true });

    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    // The order to correct (5 January) the notice moves to 6 January: provisional until a supervisor decides.
    expect(await marks()).toEqual({ slot: false, credit: true, finding: true, followUp: false });
    const moved = (await h.ok('supervisor', 'listFindings', {})).items[0]!;
    await h.ok('supervisor', 'settleRecountedCorrection', { findingId: moved.id, version: moved.version, issued: moved.pendingRecount!.issued, adopt: false });
    expect(await marks()).toEqual({ slot: false, credit: false, finding: false, followUp: false });
    // The follow-up's record keeps its mark until its handler decides.
    expect((await h.deps.store.get<{ dueProvisional?: boolean }>('followUps', (await h.ok('supervisor', 'listFollowUps', {})).items[0]!.id))!.dueProvisional).toBe(true);
  });

  it('a slot offered on Monday 4 January 2027 (a working day on the statutory days) cannot be booked once the notice gives that day off', async () => {
    h = await makeHarness();
    h.clock.set(DECEMBER);
    const ready = await prepared.ready(h);
    const start = chinaTime('2027-01-04 10:00').toISOString();
    const offered = await h.ok('staff', 'offerSlots', { ...ref(ready), starts: [start] });
    expect(offered.scheduling.offeredSlots[0]).toMatchObject({ start, provisional: true });
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const refused = await h.call('applicant', 'bookSlot', { caseId: ready.id, version: offered.case.version, start });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', message: '按国务院节假日安排，1月4日放假，请申请其他时间' });
    expect((await h.ok('applicant', 'getGroup', { caseId: ready.id })).case.state).toBe('ready');
  });
});
