import type { CreditRecord } from '../../../cloudfunctions/src/application/credit';
import type { FindingRecord } from '../../../cloudfunctions/src/application/findings';
import { chinaTime, formatChina } from '../../../cloudfunctions/src/domain/china-time';
import { type Harness, makeHarness } from '../../support/harness';
import { forceCase } from '../../support/fast-forward';
import { LONGER_2027, NOTICE_2027, caseRecord, recountedCase, rectifyingCase } from '../../support/inspection';
import { prepared } from '../../support/readiness';
import { raceWrites } from '../../support/store-with';
import { ref } from '../../support/scenarios';
import { CLOSED_MONTH, decidedCase, pendingFinding, recountedFinding, recountedFollowUp } from '../../support/supervision-fixtures';

jest.setTimeout(60_000);

// The wording the handler, the supervisors, the applicant and the audit log read when a holiday notice is entered
// and its recounts are settled, and the refusals of a decision made on a page that is no longer current.

type Message = { _id: string; event: string; to: string; title: string; body: string; caseId?: string; page: string; fields: Record<string, string> };
const messages = async (h: Harness, to: string, event: string): Promise<Message[]> =>
  (await h.deps.store.find<Message>('outbox', { where: { to } })).filter((m) => m.event === event);
type Entry = { _id: string; action: string; actorId: string; subject: string; note?: string };
const auditOf = async (h: Harness, caseId: string, action: string): Promise<Entry[]> =>
  (await h.deps.store.find<Entry>('audit', { where: { caseId }, orderBy: [['at', 'desc']], limit: 200 })).filter((a) => a.action === action);
const day = (iso: string): string => formatChina(iso, 'YYYY-MM-DD');
const STALE = '该期限已确认或已变化，请刷新后查看';
const TAKEN = '该问题记录刚被他人处理，请刷新后重试';
const OVERTAKEN = '该办件刚被他人修改，请刷新后重试';

/** Both credit-file entries of the finding, as [deadline, provisional mark]. */
const creditEntries = async (h: Harness, findingId: string): Promise<[string | undefined, boolean | undefined][]> =>
  Promise.all(['company', 'person'].map(async (s) => {
    const r = (await h.deps.store.get<CreditRecord>('creditRecords', `${findingId}-${s}`))!;
    return [r.correctionDeadline, r.correctionDeadlineProvisional] as [string | undefined, boolean | undefined];
  }));

const DECEMBER = '2026-12-28T02:00:00Z';
async function orderedToCorrect(h: Harness) {
  h.clock.set(DECEMBER);
  const f = await pendingFinding(h, await decidedCase(h));
  return h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason: '虚报经营场所地址', correctionWorkingDays: 10 });
}

describe('recounted orders to correct: what the supervisors, the applicant and the audit log read', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('the recount is noted and announced in full; adopting it tells the applicant the new date in full', async () => {
    h = await makeHarness({ caseParties: true });
    const f = await recountedFinding(h);
    const { issued, wouldBe } = f.pendingRecount!;
    expect([day(issued), day(wouldBe)]).toEqual(['2027-01-12', '2027-01-13']);

    expect((await auditOf(h, f.caseId, 'recountCorrection')).map((a) => [a.actorId, a.subject, a.note])).toEqual([
      ['admin', `findings/${f.id}`, `2027年节假日安排录入：${f.caseNumber} 虚报地址的责令改正期限2027年1月12日按新日历将为2027年1月13日，待监督人员决定`],
    ]);
    const told = await messages(h, 'supervisor', 'correctionRecountPending');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      title: '节假日安排录入后责令改正期限待确认', caseId: f.caseId,
      body: `${f.caseNumber} 虚报地址的责令改正期限2027年1月12日按新日历将为2027年1月13日，请决定是否采用`,
      page: `/package-supervise/pages/finding/finding?id=${f.id}`,
      fields: { number: f.caseNumber, matter: '企业不定时和综合计算工时工作制许可' },
    });
    expect(told[0]!._id).toMatch(new RegExp(`^findings:${f.id}:\\d+:correctionRecountPending:supervisor$`));

    // A page loaded before another change, or a date that is not the one pending: refused in words the supervisor reads.
    expect(await h.call('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: f.version - 1, issued, adopt: true }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: TAKEN });
    expect(await h.call('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: f.version, issued: wouldBe, adopt: true }))
      .toMatchObject({ ok: false, code: 'INVALID_STATE', message: STALE });

    const adopted = await h.ok('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: f.version, issued, adopt: true });
    expect((await auditOf(h, f.caseId, 'settleRecountedCorrection')).map((a) => [a._id, a.subject, a.note])).toEqual([
      [`findings/${f.id}:${adopted.version}`, `findings/${f.id}`, '责令改正期限采用新期限 2027年1月13日（原 2027年1月12日）'],
    ]);
    const decisions = await messages(h, 'applicant', 'creditDecision');
    expect(decisions).toHaveLength(2);
    const moved = decisions.find((m) => m._id === `findings:${f.id}:${adopted.version}:creditDecision:applicant`);
    expect(moved).toMatchObject({
      title: '信用惩戒决定', caseId: f.caseId, page: '/pages/credit/credit',
      body: `${f.caseNumber} 虚报地址：按国务院节假日安排，责令改正期限调整为 2027-01-13，请于该日前改正`,
      fields: { number: f.caseNumber, matter: '企业不定时和综合计算工时工作制许可' },
    });

    // Settled: the same decision on the current page finds nothing pending.
    expect(await h.call('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: adopted.version, issued, adopt: false }))
      .toMatchObject({ ok: false, code: 'INVALID_STATE', message: STALE });
  });

  it('a counter case never claimed in the Mini Program: its applicant’s entry by phone takes the adopted date too', async () => {
    h = await makeHarness({ caseParties: true });
    h.clock.set('2026-12-28T02:00:00Z');
    const c = await decidedCase(h, undefined, { applicantId: undefined, applicantPhone: '13812345678' });
    const reported = await pendingFinding(h, c);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: reported.id, version: reported.version, reason: '虚报经营场所地址', correctionWorkingDays: 10 });
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const f = (await h.ok('supervisor', 'listFindings', { status: 'decided' })).items.find((x) => x.id === reported.id)!;
    await h.ok('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: f.version, issued: f.pendingRecount!.issued, adopt: true });
    const phone = (await h.deps.store.get<CreditRecord>('creditRecords', `${f.id}-phone`))!;
    expect([phone.subjectKey, phone.correctionDeadline, phone.correctionDeadlineProvisional]).toEqual(['phone:13812345678', f.pendingRecount!.wouldBe, undefined]);
  });

  it('an order to correct decided after the year’s notice was entered, moved when it is entered again: adopting moves both credit entries', async () => {
    h = await makeHarness({ caseParties: true });
    h.clock.set('2026-12-28T02:00:00Z');
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const reported = await pendingFinding(h, await decidedCase(h));
    const decided = await h.ok('supervisor', 'decideCreditPenalty', { findingId: reported.id, version: reported.version, reason: '虚报经营场所地址', correctionWorkingDays: 10 });
    expect([day(decided.decision!.correctionDeadline!), decided.decision!.correctionDeadlineProvisional]).toEqual(['2027-01-13', undefined]);
    await h.ok('admin', 'saveCalendarYear', { ...LONGER_2027, version: 1, confirm: true });
    const f = (await h.ok('supervisor', 'listFindings', { status: 'decided' })).items.find((x) => x.id === reported.id)!;
    expect(day(f.pendingRecount!.wouldBe)).toBe('2027-01-14');
    await h.ok('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: f.version, issued: f.pendingRecount!.issued, adopt: true });
    for (const s of ['company', 'person']) {
      expect((await h.deps.store.get<CreditRecord>('creditRecords', `${f.id}-${s}`))!.correctionDeadline).toBe(f.pendingRecount!.wouldBe);
    }
  });

  it('the notice entered again with other days that give the order the same new date: nobody is asked twice', async () => {
    h = await makeHarness({ caseParties: true });
    const f = await recountedFinding(h);
    // 1–4 January and Monday 11 January off: nine working days from 28 December still end on 13 January.
    const { version } = await h.ok('admin', 'getCalendarYear', { year: 2027 });
    const again = { ...NOTICE_2027, festivals: [...NOTICE_2027.festivals, { name: '春节', from: '2027-01-11', to: '2027-01-11', workdays: [] }] };
    const saved = await h.ok('admin', 'saveCalendarYear', { ...again, version, confirm: true });
    expect(saved.moved).toEqual([expect.objectContaining({ kind: 'correction', issued: f.pendingRecount!.issued, wouldBe: f.pendingRecount!.wouldBe })]);
    expect(await messages(h, 'supervisor', 'correctionRecountPending')).toHaveLength(1);
    expect(await auditOf(h, f.caseId, 'recountCorrection')).toHaveLength(1);
    expect((await h.ok('supervisor', 'listFindings', { status: 'decided' })).items.find((x) => x.id === f.id)!.version).toBe(f.version);
  });

  it('the notice entered again with days that give the order another new date: the recount is replaced and the supervisor asked again', async () => {
    h = await makeHarness({ caseParties: true });
    const f = await recountedFinding(h);
    // Only 1 January off: the nine working days the entered notice left from 28 December now end on 11 January.
    const { version } = await h.ok('admin', 'getCalendarYear', { year: 2027 });
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] }], version, confirm: true });
    const seen = (await h.ok('supervisor', 'listFindings', { status: 'decided' })).items.find((x) => x.id === f.id)!;
    expect([seen.pendingRecount!.issued, day(seen.pendingRecount!.wouldBe)]).toEqual([f.pendingRecount!.issued, '2027-01-11']);
    expect((await messages(h, 'supervisor', 'correctionRecountPending')).map((m) => m.body).sort()).toEqual([
      `${f.caseNumber} 虚报地址的责令改正期限2027年1月12日按新日历将为2027年1月13日，请决定是否采用`,
      `${f.caseNumber} 虚报地址的责令改正期限2027年1月12日按新日历将为2027年1月11日，请决定是否采用`,
    ].sort());
  });

  it('keeping the issued date is noted with the date the new calendar would give', async () => {
    h = await makeHarness({ caseParties: true });
    const f = await recountedFinding(h);
    const queued = (await h.deps.store.find('outbox', {})).length;
    const kept = await h.ok('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: f.version, issued: f.pendingRecount!.issued, adopt: false });
    expect((await auditOf(h, f.caseId, 'settleRecountedCorrection')).map((a) => [a.actorId, a.note])).toEqual([
      ['supervisor', '责令改正期限保持原期限 2027年1月12日（新日历下为 2027年1月13日）'],
    ]);
    expect(await h.deps.store.find('outbox', {})).toHaveLength(queued);
    // Settled: the same decision on the current page finds nothing pending.
    expect(await h.call('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: kept.version, issued: f.pendingRecount!.issued, adopt: false }))
      .toMatchObject({ ok: false, code: 'INVALID_STATE', message: STALE });
  });

  it.each([['adopting', true], ['keeping', false]])('%s: a decision whose write another change overtakes is refused in words, and the credit file is left as it was', async (_, adopt) => {
    h = await makeHarness({ caseParties: true });
    const f = await recountedFinding(h);
    const raced = raceWrites(h.deps.store, 'findings', 1);
    expect(await h.call('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: f.version, issued: f.pendingRecount!.issued, adopt }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: TAKEN });
    expect(raced()).toBe(1);
    const issued = f.pendingRecount!.issued;
    expect(await creditEntries(h, f.id)).toEqual([[issued, true], [issued, true]]);
    expect(await auditOf(h, f.caseId, 'settleRecountedCorrection')).toEqual([]);
  });
});

describe('recounted case deadlines: what the handler, the supervisors and the audit log read', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('the rectification recount is noted and announced in full; keeping it is noted; a stale date is refused', async () => {
    h = await makeHarness();
    const r = await recountedCase(h);
    expect((await auditOf(h, r.caseId, 'recountDeadline')).map((a) => [a.actorId, a.note])).toEqual([
      ['admin', '2027年节假日安排录入：整改期限2027年1月12日按新日历将为2027年1月13日，待经办人决定'],
    ]);
    expect((await messages(h, 'staff', 'deadlineRecountPending')).map((m) => [m.caseId, m.title, m.body])).toEqual([
      [r.caseId, '节假日安排录入后期限待确认', '整改期限2027年1月12日按新日历将为2027年1月13日，请决定是否采用'],
    ]);

    // A date that is not the one pending (the new one, say): refused, nothing changes.
    expect(await h.call('staff', 'settleRecountedDeadline', { caseId: r.caseId, version: r.version, deadline: 'rectification', issued: r.wouldBe, adopt: true }))
      .toMatchObject({ ok: false, code: 'INVALID_STATE', message: STALE });
    expect((await caseRecord(h, r.caseId)).rectification!.deadline).toBe(r.issued);

    const queued = (await h.deps.store.find('outbox', {})).length;
    const kept = await h.ok('staff', 'settleRecountedDeadline', { caseId: r.caseId, version: r.version, deadline: 'rectification', issued: r.issued, adopt: false });
    // Keeping the issued date tells nobody.
    expect(await h.deps.store.find('outbox', {})).toHaveLength(queued);
    expect((await auditOf(h, r.caseId, 'settleRecountedDeadline')).map((a) => [a.actorId, a.note])).toEqual([
      ['staff', '整改期限保持原期限 2027年1月12日（新日历下为 2027年1月13日）'],
    ]);
    // Settled: the same decision on the current page finds nothing pending.
    expect(await h.call('staff', 'settleRecountedDeadline', { caseId: r.caseId, version: kept.version, deadline: 'rectification', issued: r.issued, adopt: true }))
      .toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('the notice entered again with other days: the handler is asked again about the new date, which replaces the old one', async () => {
    h = await makeHarness();
    const r = await recountedCase(h);
    const { version } = await h.ok('admin', 'getCalendarYear', { year: 2027 });
    await h.ok('admin', 'saveCalendarYear', { ...LONGER_2027, version, confirm: true });
    expect((await messages(h, 'staff', 'deadlineRecountPending')).map((m) => m.body).sort()).toEqual([
      '整改期限2027年1月12日按新日历将为2027年1月13日，请决定是否采用',
      '整改期限2027年1月12日按新日历将为2027年1月14日，请决定是否采用',
    ]);
    const seen = await h.ok('staff', 'getCase', { caseId: r.caseId });
    expect(seen.pendingRecounts!.map((p) => [p.kind, p.issued, day(p.wouldBe)])).toEqual([['rectification', r.issued, '2027-01-14']]);
    await h.ok('staff', 'settleRecountedDeadline', { caseId: r.caseId, version: seen.version, deadline: 'rectification', issued: r.issued, adopt: true });
    expect(day((await caseRecord(h, r.caseId)).rectification!.deadline)).toBe('2027-01-14');
  });

  it('a case still carrying an unsettled recount of its rectification when drawn: the follow-up’s is added beside it and settled alone', async () => {
    h = await makeHarness();
    // Rectified and passed before its handler decided on the 2026 recount of its rectification deadline.
    const stale = { kind: 'rectification' as const, issued: '2026-05-12T15:59:59.999Z', wouldBe: '2026-05-13T15:59:59.999Z', year: 2026, notedAt: '2026-05-06T02:00:00.000Z' };
    const c = await decidedCase(h, undefined, { pendingRecounts: [stale] });
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 1, confirm: true });
    expect((await messages(h, 'staff', 'deadlineRecountPending')).map((m) => m.body)).toEqual(['监督回访期限2027年1月26日按新日历将为2027年1月27日，请决定是否采用']);
    const seen = await h.ok('staff', 'getCase', { caseId: c._id });
    expect(seen.pendingRecounts!.map((p) => [p.kind, p.year])).toEqual([['rectification', 2026], ['followUp', 2027]]);
    const followUp = seen.pendingRecounts![1]!;
    const after = await h.ok('staff', 'settleRecountedDeadline', { caseId: c._id, version: seen.version, deadline: 'followUp', issued: followUp.issued, adopt: true });
    expect(after.pendingRecounts!.map((p) => [p.kind, p.issued])).toEqual([['rectification', stale.issued]]);
    expect((await caseRecord(h, c._id))).toMatchObject({ state: 'passed', number: c.number, pendingRecounts: [stale] });
  });

  it('a recount of a rectification deadline that has since changed otherwise is refused as stale, and nothing changes', async () => {
    h = await makeHarness();
    const r = await recountedCase(h);
    // A later inspection ordered rectification again, with its own deadline; the old recount is still on the case.
    const before = await caseRecord(h, r.caseId);
    const later = '2027-02-05T15:59:59.999Z';
    await forceCase(h, r.caseId, { rectification: { ...before.rectification!, deadline: later } });
    const seen = await h.ok('staff', 'getCase', { caseId: r.caseId });
    for (const adopt of [true, false]) {
      expect(await h.call('staff', 'settleRecountedDeadline', { caseId: r.caseId, version: seen.version, deadline: 'rectification', issued: r.issued, adopt }))
        .toMatchObject({ ok: false, code: 'INVALID_STATE', message: STALE });
    }
    expect((await caseRecord(h, r.caseId)).rectification!.deadline).toBe(later);
  });

  it('a visit drawn after the year’s notice was entered, moved when the notice is entered again with other days: adopting moves it', async () => {
    h = await makeHarness();
    const c = await decidedCase(h);
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
    const drawn = (await h.ok('supervisor', 'listFollowUps', {})).items[0]!;
    expect([day(drawn.dueAt), drawn.dueProvisional]).toEqual(['2027-01-27', undefined]);
    await h.ok('admin', 'saveCalendarYear', { ...LONGER_2027, version: 1, confirm: true });
    const seen = await h.ok('staff', 'getCase', { caseId: c._id });
    const { issued, wouldBe } = seen.pendingRecounts![0]!;
    expect([issued, day(wouldBe)]).toEqual([drawn.dueAt, '2027-01-28']);
    await h.ok('staff', 'settleRecountedDeadline', { caseId: c._id, version: seen.version, deadline: 'followUp', issued, adopt: true });
    expect((await h.ok('supervisor', 'listFollowUps', {})).items[0]!.dueAt).toBe(wouldBe);
  });

  it('a follow-up adoption whose write to the visit another change overtakes is refused in words; the case still asks', async () => {
    h = await makeHarness();
    const { c, seen } = await recountedFollowUp(h);
    const { issued } = seen.pendingRecounts![0]!;
    const raced = raceWrites(h.deps.store, 'followUps', 1);
    expect(await h.call('staff', 'settleRecountedDeadline', { caseId: c._id, version: seen.version, deadline: 'followUp', issued, adopt: true }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: OVERTAKEN });
    expect(raced()).toBe(1);
    expect((await h.ok('supervisor', 'listFollowUps', {})).items[0]!.dueAt).toBe(issued);
    expect((await h.ok('staff', 'getCase', { caseId: c._id })).pendingRecounts).toHaveLength(1);
  });
});

describe('bookings on a day the notice makes a holiday', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('each booked case’s handler is told, in full', async () => {
    h = await makeHarness();
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    const starts = [chinaTime('2027-01-04 10:00').toISOString(), chinaTime('2027-01-04 14:30').toISOString()];
    const ids: string[] = [];
    for (const start of starts) {
      const ready = await prepared.ready(h);
      const offered = await h.ok('staff', 'offerSlots', { ...ref(ready), starts: [start] });
      await h.ok('applicant', 'bookSlot', { caseId: ready.id, version: offered.case.version, start });
      ids.push(ready.id);
    }
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    expect((await messages(h, 'staff', 'bookingOnHoliday')).map((m) => [m.caseId, m.body]).sort()).toEqual([
      [ids[0], '预约的踏勘时间2027年1月4日 10:00按2027年节假日安排为节假日，请与申请人改约'],
      [ids[1], '预约的踏勘时间2027年1月4日 14:30按2027年节假日安排为节假日，请与申请人改约'],
    ].sort());
  });
});

describe('a recount whose write another change overtakes is tried again, up to five times', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('an order to correct overtaken four times is still noted once, under the version it wrote', async () => {
    h = await makeHarness({ caseParties: true });
    const finding = await orderedToCorrect(h);
    const raced = raceWrites(h.deps.store, 'findings', 4);
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    expect(raced()).toBe(4);
    const stored = (await h.deps.store.get<FindingRecord>('findings', finding.id))!;
    expect(stored.pendingRecount).toMatchObject({ issued: finding.decision!.correctionDeadline, year: 2027 });
    expect((await auditOf(h, finding.caseId, 'recountCorrection')).map((a) => a._id)).toEqual([`findings/${finding.id}:${stored._version}`]);
    expect((await messages(h, 'supervisor', 'correctionRecountPending')).map((m) => m._id)).toEqual([`findings:${finding.id}:${stored._version}:correctionRecountPending:supervisor`]);
  });

  it('an order to correct overtaken five times: the save is refused as a conflict and nobody is told', async () => {
    h = await makeHarness({ caseParties: true });
    const finding = await orderedToCorrect(h);
    const raced = raceWrites(h.deps.store, 'findings', 5);
    expect(await h.call('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true })).toMatchObject({ ok: false, code: 'CONFLICT', message: OVERTAKEN });
    expect(raced()).toBe(5);
    expect((await h.deps.store.get<FindingRecord>('findings', finding.id))!.pendingRecount).toBeUndefined();
    expect(await messages(h, 'supervisor', 'correctionRecountPending')).toEqual([]);
  });

  it('a case overtaken four times is still noted once', async () => {
    h = await makeHarness();
    h.clock.set(DECEMBER);
    const c = await rectifyingCase(h);
    const raced = raceWrites(h.deps.store, 'cases', 4);
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    expect(raced()).toBe(4);
    const stored = await caseRecord(h, c.caseId);
    expect(stored.pendingRecounts!.map((p) => day(p.wouldBe))).toEqual(['2027-01-13']);
    expect(await auditOf(h, c.caseId, 'recountDeadline')).toHaveLength(1);
    expect(await messages(h, 'staff', 'deadlineRecountPending')).toHaveLength(1);
  });

  it('a case overtaken five times: the save is refused as a conflict and the handler is not asked', async () => {
    h = await makeHarness();
    h.clock.set(DECEMBER);
    const c = await rectifyingCase(h);
    const raced = raceWrites(h.deps.store, 'cases', 5);
    expect(await h.call('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true })).toMatchObject({ ok: false, code: 'CONFLICT', message: OVERTAKEN });
    expect(raced()).toBe(5);
    expect((await caseRecord(h, c.caseId)).pendingRecounts).toBeUndefined();
    expect(await messages(h, 'staff', 'deadlineRecountPending')).toEqual([]);
  });

  it('a credit-file entry overtaken four times still takes the settled date, no longer provisional', async () => {
    h = await makeHarness({ caseParties: true });
    const finding = await orderedToCorrect(h);
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const seen = (await h.ok('supervisor', 'listFindings', { status: 'decided' })).items.find((f) => f.id === finding.id)!;
    const raced = raceWrites(h.deps.store, 'creditRecords', 4);
    await h.ok('supervisor', 'settleRecountedCorrection', { findingId: finding.id, version: seen.version, issued: seen.pendingRecount!.issued, adopt: true });
    expect(raced()).toBe(4);
    expect(await creditEntries(h, finding.id)).toEqual([[seen.pendingRecount!.wouldBe, undefined], [seen.pendingRecount!.wouldBe, undefined]]);
  });

  it('a credit-file entry overtaken five times: the decision is refused as a conflict, the order still asks, and deciding again settles it', async () => {
    h = await makeHarness({ caseParties: true });
    const finding = await orderedToCorrect(h);
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const seen = (await h.ok('supervisor', 'listFindings', { status: 'decided' })).items.find((f) => f.id === finding.id)!;
    const raced = raceWrites(h.deps.store, 'creditRecords', 5);
    expect(await h.call('supervisor', 'settleRecountedCorrection', { findingId: finding.id, version: seen.version, issued: seen.pendingRecount!.issued, adopt: true }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: OVERTAKEN });
    expect(raced()).toBe(5);
    expect((await h.deps.store.get<CreditRecord>('creditRecords', `${finding.id}-company`))!.correctionDeadline).toBe(seen.pendingRecount!.issued);
    expect((await h.deps.store.get<FindingRecord>('findings', finding.id))!.pendingRecount).toMatchObject({ issued: seen.pendingRecount!.issued });
    expect(await auditOf(h, finding.caseId, 'settleRecountedCorrection')).toEqual([]);
    // The supervisor's page still offers the decision; made again, it lands on the finding and on both entries.
    const again = (await h.ok('supervisor', 'listFindings', { status: 'decided' })).items.find((f) => f.id === finding.id)!;
    expect(again.version).toBe(seen.version);
    await h.ok('supervisor', 'settleRecountedCorrection', { findingId: finding.id, version: again.version, issued: again.pendingRecount!.issued, adopt: true });
    expect(await creditEntries(h, finding.id)).toEqual([[seen.pendingRecount!.wouldBe, undefined], [seen.pendingRecount!.wouldBe, undefined]]);
  });

  it('two supervisors decide at once, one adopting and one keeping: the credit file follows the decision the finding kept', async () => {
    h = await makeHarness({ caseParties: true });
    const f = await recountedFinding(h);
    const issued = f.pendingRecount!.issued;
    const store = h.deps.store;
    const replace = store.replace.bind(store);
    let overtaken = false;
    // The other supervisor's whole decision lands between this one's credit-file writes and its write to the finding.
    store.replace = (async (c: string, id: string, version: number, doc: object) => {
      if (c === 'findings' && !overtaken) {
        overtaken = true;
        await h.ok('observer', 'settleRecountedCorrection', { findingId: f.id, version: f.version, issued, adopt: false });
      }
      return replace(c, id, version, doc);
    }) as typeof store.replace;
    expect(await h.call('supervisor', 'settleRecountedCorrection', { findingId: f.id, version: f.version, issued, adopt: true }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: TAKEN });
    expect((await h.deps.store.get<FindingRecord>('findings', f.id))!.decision!.correctionDeadline).toBe(issued);
    expect(await creditEntries(h, f.id)).toEqual([[issued, undefined], [issued, undefined]]);
    expect((await auditOf(h, f.caseId, 'settleRecountedCorrection')).map((a) => a.actorId)).toEqual(['observer']);
  });
});
