import type { MovedDeadline } from '../../../typings/api';
import type { CreditRecord } from '../../../cloudfunctions/src/application/credit';
import type { FindingRecord } from '../../../cloudfunctions/src/application/findings';
import { formatChina } from '../../../cloudfunctions/src/domain/china-time';
import { type Harness, makeHarness } from '../../support/harness';
import { NOTICE_2027 } from '../../support/inspection';
import { decidedCase, pendingFinding } from '../../support/supervision-fixtures';

jest.setTimeout(60_000);

// An order to correct 责令限期改正 decided on Monday 28 December 2026 for 10 working days ends, on the statutory
// 2027 days (元旦 on 1 January only), on 12 January; the notice as entered (1–4 January off) gives 13 January.

type Message = { event: string; to: string; body: string; caseId?: string; page: string };
const messages = async (h: Harness, to: string, event: string): Promise<Message[]> =>
  (await h.deps.store.find<Message>('outbox', { where: { to } })).filter((m) => m.event === event);
const day = (iso: string): string => formatChina(iso, 'YYYY-MM-DD');
const DECEMBER = '2026-12-28T02:00:00Z';

async function orderedToCorrect(h: Harness) {
  const c = await decidedCase(h);
  const f = await pendingFinding(h, c);
  const decided = await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason: '虚报经营场所地址', correctionWorkingDays: 10 });
  return { c, finding: decided };
}
const findingOf = async (h: Harness, id: string) => (await h.ok('supervisor', 'listFindings', { status: 'decided' })).items.find((f) => f.id === id)!;
/** The finding's two credit-file entries: the company's and the applicant's. */
const creditRecords = async (h: Harness, findingId: string): Promise<CreditRecord[]> =>
  Promise.all(['company', 'person'].map(async (s) => (await h.deps.store.get<CreditRecord>('creditRecords', `${findingId}-${s}`))!));

describe('entering a holiday notice never moves an order to correct silently: a supervisor decides', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('the admin sees the order in the moved list; the deciding supervisor is told; adopting moves the finding, both credit entries and tells the applicant', async () => {
    h = await makeHarness({ caseParties: true });
    h.clock.set(DECEMBER);
    const { c, finding } = await orderedToCorrect(h);
    const issued = finding.decision!.correctionDeadline!;
    expect(day(issued)).toBe('2027-01-12');
    expect(finding.decision!.correctionDeadlineProvisional).toBe(true);

    // The preview lists it, and saves nothing.
    const preview = await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: false });
    expect(preview.moved).toEqual([{ kind: 'correction', caseId: c._id, caseNumber: c.number, issued, wouldBe: expect.stringMatching(/^2027-01-13T15:59:59/) }]);
    expect((await h.deps.store.get<FindingRecord>('findings', finding.id))!.pendingRecount).toBeUndefined();

    // On confirm the issued date stands; the finding notes the recount and the supervisor who decided it is told.
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const { wouldBe } = preview.moved[0] as MovedDeadline;
    const seen = await findingOf(h, finding.id);
    expect(seen.decision!.correctionDeadline).toBe(issued);
    expect(seen.pendingRecount).toEqual({ issued, wouldBe, year: 2027 });
    // Until a supervisor decides, the date still reads as provisional, to the supervisors and to the applicant.
    expect(seen.decision!.correctionDeadlineProvisional).toBe(true);
    expect((await h.ok('applicant', 'listMyCreditRecords', {})).records.every((r) => r.correctionDeadlineProvisional)).toBe(true);
    const told = await messages(h, 'supervisor', 'correctionRecountPending');
    expect(told).toEqual([expect.objectContaining({ caseId: c._id, page: `/package-supervise/pages/finding/finding?id=${finding.id}` })]);
    expect(told[0]!.body).toContain('2027年1月12日按新日历将为2027年1月13日');
    expect(await messages(h, 'observer', 'correctionRecountPending')).toHaveLength(0);
    // The same notice saved again asks nobody twice.
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 1, confirm: true });
    expect(await messages(h, 'supervisor', 'correctionRecountPending')).toHaveLength(1);

    const request = { findingId: finding.id, version: seen.version, issued, adopt: true };
    expect(await h.call('staff', 'settleRecountedCorrection', request)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('supervisor', 'settleRecountedCorrection', { ...request, issued: wouldBe })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const adopted = await h.ok('supervisor', 'settleRecountedCorrection', request);
    expect(adopted.decision).toMatchObject({ correctionDeadline: wouldBe });
    expect(adopted.decision).not.toHaveProperty('correctionDeadlineProvisional');
    expect(adopted).not.toHaveProperty('pendingRecount');
    for (const r of await creditRecords(h, finding.id)) {
      expect(r.correctionDeadline).toBe(wouldBe);
      expect(r.correctionDeadlineProvisional).toBeUndefined();
    }
    expect((await h.ok('applicant', 'listMyCreditRecords', {})).records.map((r) => [r.correctionDeadline, !!r.correctionDeadlineProvisional])).toEqual([[wouldBe, false], [wouldBe, false]]);
    const toldApplicant = await messages(h, 'applicant', 'creditDecision');
    expect(toldApplicant).toHaveLength(2);
    expect(toldApplicant.map((m) => m.body)).toContainEqual(expect.stringContaining('责令改正期限调整为 2027-01-13'));
    // The same tap again, on the page as it was: a conflict, never a second change.
    expect(await h.call('supervisor', 'settleRecountedCorrection', request)).toMatchObject({ ok: false, code: 'CONFLICT' });

    const audit = await h.deps.store.find<{ action: string; actorId: string; note?: string }>('audit', { where: { caseId: c._id }, orderBy: [['at', 'desc']], limit: 200 });
    expect(audit.find((a) => a.action === 'recountCorrection')).toMatchObject({ actorId: 'admin' });
    expect(audit.find((a) => a.action === 'settleRecountedCorrection')).toMatchObject({ actorId: 'supervisor', note: expect.stringContaining('采用新期限 2027年1月13日') });
  });

  it('another supervisor keeps the issued date: it stands, no longer provisional, and the applicant gets no new message', async () => {
    h = await makeHarness({ caseParties: true });
    h.clock.set(DECEMBER);
    const { finding } = await orderedToCorrect(h);
    const issued = finding.decision!.correctionDeadline!;
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const seen = await findingOf(h, finding.id);
    const kept = await h.ok('observer', 'settleRecountedCorrection', { findingId: finding.id, version: seen.version, issued, adopt: false });
    expect(kept.decision!.correctionDeadline).toBe(issued);
    expect(kept.decision).not.toHaveProperty('correctionDeadlineProvisional');
    expect((await findingOf(h, finding.id))).not.toHaveProperty('pendingRecount');
    for (const r of await creditRecords(h, finding.id)) {
      expect(r.correctionDeadline).toBe(issued);
      expect(r.correctionDeadlineProvisional).toBeUndefined();
    }
    expect(await messages(h, 'applicant', 'creditDecision')).toHaveLength(1);
  });

  it('when the deciding supervisor no longer is one, every supervisor is told instead', async () => {
    h = await makeHarness({ caseParties: true });
    h.clock.set(DECEMBER);
    const { finding } = await orderedToCorrect(h);
    await h.ok('admin', 'grantRoles', { openid: 'supervisor', name: '陈静', roles: [], reason: '调离监督岗位' });
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    expect(await messages(h, 'supervisor', 'correctionRecountPending')).toHaveLength(0);
    expect(await messages(h, 'observer', 'correctionRecountPending')).toEqual([
      expect.objectContaining({ page: `/package-supervise/pages/finding/finding?id=${finding.id}` }),
    ]);
  });

  it('an order whose deadline has already passed is not listed', async () => {
    h = await makeHarness();
    h.clock.set(DECEMBER);
    await orderedToCorrect(h);
    h.clock.set('2027-01-20T02:00:00Z');
    expect((await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: false })).moved).toEqual([]);
  });
});
