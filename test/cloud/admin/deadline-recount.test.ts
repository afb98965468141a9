import { chinaTime, formatChina } from '../../../cloudfunctions/src/domain/china-time';
import { type Harness, makeHarness } from '../../support/harness';
import { NOTICE_2027, caseRecord, rectifyingCase } from '../../support/inspection';
import { CLOSED_MONTH, recountedFollowUp } from '../../support/supervision-fixtures';

jest.setTimeout(60_000);

type Message = { event: string; to: string; title: string; body: string; caseId?: string; page: string; fields: Record<string, string> };
const messages = async (h: Harness, to: string, event: string): Promise<Message[]> =>
  (await h.deps.store.find<Message>('outbox', { where: { to } })).filter((m) => m.event === event);
type Entry = { action: string; note?: string };
const auditOf = async (h: Harness, caseId: string, action: string): Promise<Entry[]> =>
  (await h.deps.store.find<Entry>('audit', { where: { caseId }, orderBy: [['at', 'desc']], limit: 200 })).filter((a) => a.action === action);
const day = (iso: string): string => formatChina(iso, 'YYYY-MM-DD');

describe('entering a holiday notice never moves an issued deadline: the handler decides', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('the admin enters 2027; each rectifying case’s handler sees the new deadline, one adopts it (the applicant is told), the other keeps', async () => {
    h = await makeHarness();
    h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
    // Two cases ordered to rectify on Monday 28 December: 10 working days on the statutory 2027 days end on 12 January.
    const adopted = await rectifyingCase(h);
    const kept = await rectifyingCase(h);
    expect(day(adopted.rectification!.deadline)).toBe('2027-01-12');
    expect(adopted.rectification!.deadlineProvisional).toBe(true);

    // The admin's list is as before; on confirm nothing moves, and each case notes the pending recount.
    const saved = await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    expect(saved.moved.map((m) => m.caseId).sort()).toEqual([adopted.caseId, kept.caseId].sort());
    expect(saved.moved[0]).not.toHaveProperty('followUpId');
    expect((await caseRecord(h, adopted.caseId)).rectification!.deadline).toBe(adopted.rectification!.deadline);

    // The handler is told and sees the card's data; nobody else sees it, and only the handler may settle it.
    const toldHandler = await messages(h, 'staff', 'deadlineRecountPending');
    expect(toldHandler.map((m) => m.caseId).sort()).toEqual([adopted.caseId, kept.caseId].sort());
    expect(toldHandler[0]!.body).toContain('2027年1月12日按新日历将为2027年1月13日');
    // The same notice saved again asks nobody twice.
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 1, confirm: true });
    expect(await messages(h, 'staff', 'deadlineRecountPending')).toHaveLength(2);
    const seen = await h.ok('staff', 'getCase', { caseId: adopted.caseId });
    expect(seen.pendingRecounts).toEqual([{ kind: 'rectification', kindLabel: '整改期限', issued: adopted.rectification!.deadline, wouldBe: expect.stringMatching(/^2027-01-13T15:59:59/), year: 2027 }]);
    expect(seen.can).toContain('settleRecountedDeadline');
    expect(await h.ok('head', 'getCase', { caseId: adopted.caseId })).not.toHaveProperty('pendingRecounts');
    expect(await h.ok('applicant', 'getCase', { caseId: adopted.caseId })).not.toHaveProperty('pendingRecounts');
    // Until the handler decides, the applicant still reads the issued deadline as provisional.
    expect((await h.ok('applicant', 'getInspection', { caseId: adopted.caseId })).rectification!.deadlineProvisional).toBe(true);
    const request = { caseId: adopted.caseId, version: seen.version, deadline: 'rectification' as const, issued: adopted.rectification!.deadline, adopt: true };
    expect(await h.call('head', 'settleRecountedDeadline', request)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // Adopt: the deadline moves to the 13th, no longer provisional; the applicant is told through the rectification notice.
    const after = await h.ok('staff', 'settleRecountedDeadline', request);
    expect(after.pendingRecounts).toBeUndefined();
    expect(after.can).not.toContain('settleRecountedDeadline');
    const record = await caseRecord(h, adopted.caseId);
    expect(day(record.rectification!.deadline)).toBe('2027-01-13');
    expect(record.rectification!.deadlineProvisional).toBeUndefined();
    const applicantView = await h.ok('applicant', 'getInspection', { caseId: adopted.caseId });
    expect(applicantView.rectification).toMatchObject({ deadline: record.rectification!.deadline, deadlineProvisional: false });
    const toldApplicant = (await messages(h, 'applicant', 'rectificationRequired')).filter((m) => m.caseId === adopted.caseId);
    expect(toldApplicant).toHaveLength(2);
    expect(toldApplicant.find((m) => m.fields.deadline === record.rectification!.deadline)!.body).toContain('整改期限调整为2027年1月13日');
    // The same tap again, on the page as it was: a conflict, never a second change.
    expect(await h.call('staff', 'settleRecountedDeadline', request)).toMatchObject({ ok: false, code: 'CONFLICT' });

    // Keep: the issued date stands and is no longer provisional; the applicant gets no new message.
    const keptSeen = await h.ok('staff', 'getCase', { caseId: kept.caseId });
    await h.ok('staff', 'settleRecountedDeadline', { caseId: kept.caseId, version: keptSeen.version, deadline: 'rectification', issued: kept.rectification!.deadline, adopt: false });
    const keptRecord = await caseRecord(h, kept.caseId);
    expect(keptRecord.rectification!.deadline).toBe(kept.rectification!.deadline);
    expect(keptRecord.rectification!.deadlineProvisional).toBeUndefined();
    expect(keptRecord.pendingRecounts).toBeUndefined();
    expect((await messages(h, 'applicant', 'rectificationRequired')).filter((m) => m.caseId === kept.caseId)).toHaveLength(1);

    // Every step is in the audit log, with who decided what.
    const audit = await h.deps.store.find<{ action: string; actorId: string; note?: string }>('audit', { where: { caseId: adopted.caseId }, orderBy: [['at', 'desc']], limit: 200 });
    expect(audit.find((a) => a.action === 'recountDeadline')).toMatchObject({ actorId: 'admin' });
    expect(audit.find((a) => a.action === 'settleRecountedDeadline')).toMatchObject({ actorId: 'staff', note: expect.stringContaining('采用新期限 2027年1月13日') });
  });

  it('a follow-up visit’s due date moved by the notice: the handler adopts it, the visit’s record changes, the supervisors are told in full', async () => {
    h = await makeHarness();
    const { c, before, seen } = await recountedFollowUp(h);
    expect(before).toMatchObject({ caseId: c._id, dueProvisional: true });
    expect((await auditOf(h, c._id, 'recountDeadline')).map((a) => a.note)).toEqual(['2027年节假日安排录入：监督回访期限2027年1月26日按新日历将为2027年1月27日，待经办人决定']);
    expect(seen.pendingRecounts).toEqual([expect.objectContaining({ kind: 'followUp', kindLabel: '监督回访期限', issued: before.dueAt })]);
    const { wouldBe } = seen.pendingRecounts![0]!;
    await h.ok('staff', 'settleRecountedDeadline', { caseId: c._id, version: seen.version, deadline: 'followUp', issued: before.dueAt, adopt: true });
    const after = (await h.ok('supervisor', 'listFollowUps', {})).items[0]!;
    expect([after.dueAt, after.dueProvisional]).toEqual([wouldBe, undefined]);
    expect(after.dueAt > before.dueAt).toBe(true);
    // The supervisors, whose visit it is, are told the new and the old date and taken to the visit.
    expect(await messages(h, 'supervisor', 'followUpDueAdopted')).toEqual([expect.objectContaining({
      title: '监督回访期限已调整', caseId: c._id,
      body: `${c.number} ${c.company.name}的监督回访期限经经办人确认调整为2027年1月27日（原 2027年1月26日）`,
      page: `/package-supervise/pages/follow-up/follow-up?id=${after.id}&month=${CLOSED_MONTH}`,
      fields: { number: c.number, matter: c.matterName, due: wouldBe },
    })]);
    expect((await auditOf(h, c._id, 'settleRecountedDeadline')).map((a) => a.note)).toEqual(['监督回访期限采用新期限 2027年1月27日（原 2027年1月26日）']);
  });

  it('a follow-up visit’s due date kept by the handler: the visit keeps its date, no longer provisional, and nobody is told', async () => {
    h = await makeHarness();
    const { c, seen } = await recountedFollowUp(h);
    const { issued } = seen.pendingRecounts![0]!;
    const queued = (await h.deps.store.find('outbox', {})).length;
    await h.ok('staff', 'settleRecountedDeadline', { caseId: c._id, version: seen.version, deadline: 'followUp', issued, adopt: false });
    const visit = (await h.ok('supervisor', 'listFollowUps', {})).items[0]!;
    expect([visit.dueAt, visit.dueProvisional]).toEqual([issued, undefined]);
    expect(await h.deps.store.find('outbox', {})).toHaveLength(queued);
    expect((await auditOf(h, c._id, 'settleRecountedDeadline')).map((a) => a.note)).toEqual(['监督回访期限保持原期限 2027年1月26日（新日历下为 2027年1月27日）']);
  });
});
