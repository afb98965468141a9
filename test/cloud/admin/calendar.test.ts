import { CN_FESTIVALS, CN_NOTICES } from '../../../cloudfunctions/src/catalogue/holidays-cn';
import { chinaTime, formatChina } from '../../../cloudfunctions/src/domain/china-time';
import { type Harness, makeHarness } from '../../support/harness';
import { caseRecord, rectifyingCase } from '../../support/inspection';
import { MONDAY_10, prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';
import { CLOSED_MONTH, decidedCase, pendingFinding } from '../../support/supervision-fixtures';

jest.setTimeout(60_000);

const day = (iso: string): string => formatChina(iso, 'YYYY-MM-DD');

/** 2026 as published, plus Monday 15 June 2026 off (as a district might give a local day off). */
const with15June = {
  year: 2026, source: `${CN_NOTICES[2026]}；区政府临时安排`, confirm: true,
  festivals: [...CN_FESTIVALS[2026]!, { name: '临时假日', from: '2026-06-15', to: '2026-06-15', workdays: [] }],
};

/** What one harness sees of each count of days, with the calendar as it stands. */
async function countsOf(h: Harness) {
  const slot = await h.call('staff', 'offerSlots', { ...ref(await prepared.ready(h)), starts: [MONDAY_10] });
  const finding = await pendingFinding(h);
  const penalty = await h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason: '虚报经营场所地址', correctionWorkingDays: 1 });
  await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  const followUp = (await h.ok('supervisor', 'listFollowUps', {})).items[0]!;
  // Accepted Friday 12 June, decided Tuesday 16 June: 2 working days, or 1 with the 15th off.
  await decidedCase(h, '2026-06-16T02:00:00.000Z', { acceptedAt: '2026-06-12T02:00:00.000Z' }, 'otherApplicant');
  const june = (await h.ok('supervisor', 'getStatistics', { from: '2026-06', to: '2026-06' })).rows.find((r) => r.matterCode === null)!;
  return { slotOffered: slot.ok, correction: day(penalty.decision!.correctionDeadline!), followUpDue: day(followUp.dueAt), workingDaysMean: june.workingDaysMean };
}

describe('the working-day calendar as data', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('an admin-entered day off changes slot offers, credit deadlines, follow-up due dates and statistics alike', async () => {
    h = await makeHarness();
    const before = await countsOf(h);
    h.close();
    h = await makeHarness();
    const year = await h.ok('admin', 'getCalendarYear', { year: 2026 });
    expect(year).toMatchObject({ provisional: false, entered: false, version: 0, holidayCount: 33, workdayCount: 6 });
    const saved = await h.ok('admin', 'saveCalendarYear', { ...with15June, version: 0 });
    expect(saved).toMatchObject({ saved: true, year: { entered: true, version: 1, holidayCount: 34 } });
    const after = await countsOf(h);
    // Friday 12 June + 1 working day: Monday 15, or Tuesday 16 with the 15th off; and so on for each count.
    expect(before).toMatchObject({ slotOffered: true, correction: '2026-06-15', workingDaysMean: 2 });
    expect(after).toMatchObject({ slotOffered: false, correction: '2026-06-16', workingDaysMean: 1 });
    expect(after.followUpDue > before.followUpDue).toBe(true);
    const audit = await h.deps.store.get<{ action: string; note: string }>('audit', 'calendarYears/2026:1');
    expect(audit).toMatchObject({ action: 'saveCalendarYear' });
    expect(audit!.note).toContain('临时假日 2026-06-15至2026-06-15');
  });

  it('counts a 2027 rectification across 元旦 on the statutory days, marks it provisional, and never moves it when the notice comes', async () => {
    h = await makeHarness();
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    const view = await rectifyingCase(h);
    // Mon 28 Dec + 10 working days: 29–31 Dec, 4–8 Jan, 11–12 Jan (1 Jan is 元旦).
    expect(day(view.rectification!.deadline)).toBe('2027-01-12');
    expect(view.rectification!.deadlineProvisional).toBe(true);
    const notice = (await h.deps.store.find<{ to: string; body: string }>('outbox', { where: { to: 'applicant' } })).map((m) => m.body).join('\n');
    expect(notice).toContain('暂按法定假日计算');

    const y2027 = await h.ok('admin', 'getCalendarYear', { year: 2027 });
    expect(y2027).toMatchObject({ provisional: true, entered: false });
    expect(y2027.reminder).toContain('2027年的节假日安排尚未录入');

    // A notice that also gives Monday 4 January off would move the deadline to the 13th: shown first, saved on confirm.
    const notice2027 = {
      year: 2027, version: 0, source: '国务院办公厅关于2027年部分节假日安排的通知',
      festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-04', workdays: [] }],
    };
    const preview = await h.ok('admin', 'saveCalendarYear', { ...notice2027, confirm: false });
    expect(preview.saved).toBe(false);
    expect(preview.moved).toEqual([{ kind: 'rectification', caseId: view.caseId, caseNumber: expect.any(String), issued: view.rectification!.deadline, wouldBe: expect.stringMatching(/^2027-01-13T15:59/) }]);
    expect(await h.deps.store.get('calendarYears', '2027')).toBeNull();
    const confirmed = await h.ok('admin', 'saveCalendarYear', { ...notice2027, confirm: true });
    expect(confirmed.year).toMatchObject({ provisional: false, entered: true, version: 1 });
    expect(confirmed.year.reminder).toBeUndefined();
    expect((await caseRecord(h, view.caseId)).rectification!.deadline).toBe(view.rectification!.deadline);

    // A second admin saving over a stale version is refused.
    const stale = await h.call('admin', 'saveCalendarYear', { ...notice2027, confirm: true });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses a year whose days a notice cannot say, naming the problem', async () => {
    h = await makeHarness();
    const r = await h.call('admin', 'saveCalendarYear', {
      year: 2027, version: 0, source: '国务院办公厅关于2027年部分节假日安排的通知', confirm: true,
      festivals: [{ name: '春节', from: '2027-02-05', to: '2027-02-11', workdays: ['2027-02-17'] }],
    });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('不是周末') });
    expect(await h.deps.store.get('calendarYears', '2027')).toBeNull();
  });
});

describe('years before the statutory rule', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  it('2024 counts on its seeded notice: 除夕 was a working day then, and the Sundays around 春节 were worked', async () => {
    expect(await h.ok('admin', 'getCalendarYear', { year: 2024 })).toMatchObject({ provisional: false, source: CN_NOTICES[2024], holidayCount: 30, workdayCount: 8 });
  });

  it('a year no notice or rule covers shows nothing counted yet and takes its notice; nothing is guessed meanwhile', async () => {
    const empty = await h.ok('admin', 'getCalendarYear', { year: 2023 });
    expect(empty).toMatchObject({ year: 2023, festivals: [], provisional: true, entered: false, version: 0, holidayCount: 0 });
    const entered = await h.ok('admin', 'saveCalendarYear', {
      year: 2023, version: 0, confirm: true, source: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）',
      festivals: [{ name: '元旦', from: '2022-12-31', to: '2023-01-02', workdays: [] }, { name: '春节', from: '2023-01-21', to: '2023-01-27', workdays: ['2023-01-28', '2023-01-29'] }],
    });
    expect(entered).toMatchObject({ saved: true, moved: [], year: { provisional: false, entered: true, version: 1 } });
  });
});

describe('the November reminder', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('reminds every admin once a month from 1 November until next year is entered', async () => {
    h = await makeHarness();
    const { queueReminders } = await import('../../../cloudfunctions/src/application/reminders');
    const adminMessages = () => h.deps.store.find<{ event: string; page: string }>('outbox', { where: { to: 'admin' } });
    await queueReminders(h.deps, chinaTime('2026-10-30 10:00'));
    expect((await adminMessages()).filter((m) => m.event === 'calendarNoticeMissing')).toHaveLength(0);
    await queueReminders(h.deps, chinaTime('2026-11-02 10:00'));
    await queueReminders(h.deps, chinaTime('2026-11-20 10:00'));
    const november = (await adminMessages()).filter((m) => m.event === 'calendarNoticeMissing');
    expect(november).toEqual([expect.objectContaining({ page: '/package-admin/pages/calendar/calendar?year=2027' })]);
    h.clock.set(chinaTime('2026-11-21 10:00').toISOString());
    await h.ok('admin', 'saveCalendarYear', {
      year: 2027, version: 0, source: '国务院办公厅关于2027年部分节假日安排的通知', confirm: true,
      festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }],
    });
    await queueReminders(h.deps, chinaTime('2026-12-01 10:00'));
    expect((await adminMessages()).filter((m) => m.event === 'calendarNoticeMissing')).toHaveLength(1);
  });
});
