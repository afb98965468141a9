// Entering a holiday notice never moves an issued deadline silently (issue 10): each deadline the new days would
// move is recorded against its case, its handler is told, and the handler adopts the new date or keeps the issued one.

import type { PendingRecountView, RecountKind } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord, PendingRecount } from '../domain/case';
import { formatChina } from '../domain/china-time';
import type { Stored } from '../ports/store';
import type { MovedDeadlineAt } from './calendar-years';
import { FINDING_KIND_LABELS } from '../domain/credit-finding';
import { writeAudit } from './audit';
import { type CaseChange, type StoredCase, loadCase, saveCase } from './cases';
import type { CreditRecord } from './credit';
import type { FindingRecord, StoredFinding } from './findings';
import type { FollowUpRecord } from './follow-ups';
import { keyedNotices, noticeToApplicant, noticeToStaff } from './notices';
import { roleHolders } from './role-holders';
import { SUPERVISE_PAGES } from './supervision-pages';

export const RECOUNT_LABELS: Record<RecountKind, string> = { rectification: '整改期限', followUp: '监督回访期限' };

const dateOf = (iso: string): string => formatChina(iso, 'YYYY年M月D日');
const sameDeadline = (a: PendingRecount) => (b: PendingRecount): boolean => a.kind === b.kind && a.followUpId === b.followUpId;
const ATTEMPTS = 5;
/** The deadline was settled, or changed otherwise, since the page was loaded. */
const STALE = '该期限已确认或已变化，请刷新后查看';

/**
 * After the admin saved a year: every moved deadline is noted on its case for its handler, or on its finding for
 * the supervisors (an order to correct); the handler of a booking on a new holiday is told to reschedule. No date changes.
 */
export async function recordRecounts(ctx: ActionContext, year: number, moved: MovedDeadlineAt[]): Promise<void> {
  const byCase = new Map<string, PendingRecount[]>();
  for (const m of moved) {
    if (m.kind === 'correction') await noteOnFinding(ctx, m.findingId!, year, m);
    else if (m.kind === 'booking') await tellOfBooking(ctx, year, m.caseId, m.issued);
    else {
      const recount: PendingRecount = { kind: m.kind, issued: m.issued, wouldBe: m.wouldBe, year, ...(m.followUpId ? { followUpId: m.followUpId } : {}), notedAt: ctx.now.toISOString() };
      byCase.set(m.caseId, [...(byCase.get(m.caseId) ?? []), recount]);
    }
  }
  for (const [caseId, recounts] of byCase) await noteOnCase(ctx, caseId, year, recounts);
}

/** The handler of a booked inspection whose day the notice makes a holiday: the case page shows it until rescheduled. */
async function tellOfBooking(ctx: ActionContext, year: number, caseId: string, start: string): Promise<void> {
  const c = await ctx.store.get<CaseRecord>('cases', caseId);
  if (!c?.handlerId || c.scheduledAt !== start) return;
  const body = `预约的踏勘时间${formatChina(start, 'YYYY年M月D日 HH:mm')}按${year}年节假日安排为节假日，请与申请人改约`;
  await ctx.notifier.queue(keyedNotices(`cases:${caseId}:${start}:${year}`, caseId, [noticeToStaff(c, c.handlerId, 'bookingOnHoliday', body)]));
}

/** The order to correct a notice would move, noted on its finding; the supervisor who decided it is told. */
async function noteOnFinding(ctx: ActionContext, id: string, year: number, m: { issued: string; wouldBe: string }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const f = await ctx.store.get<FindingRecord>('findings', id);
    if (!f?.decision || (f.pendingRecount?.issued === m.issued && f.pendingRecount.wouldBe === m.wouldBe)) return;
    const { _id, _version, ...body } = f;
    const saved = await ctx.store.replace('findings', _id, _version, { ...body, pendingRecount: { issued: m.issued, wouldBe: m.wouldBe, year, notedAt: ctx.now.toISOString() } });
    if (saved === null) {
      if (attempt >= ATTEMPTS) throw new AppError('CONFLICT');
      continue;
    }
    const text = `${f.caseNumber} ${FINDING_KIND_LABELS[f.kind]}的责令改正期限${dateOf(m.issued)}按新日历将为${dateOf(m.wouldBe)}`;
    await writeAudit(ctx, `findings/${_id}:${saved}`, { action: 'recountCorrection', subject: `findings/${_id}`, caseId: f.caseId, note: `${year}年节假日安排录入：${text}，待监督人员决定` });
    // The supervisor who decided it, while they still are one; otherwise every supervisor, since any may settle it.
    const supervisors = await roleHolders(ctx.store, 'supervisor');
    const decider = supervisors.filter((s) => s._id === f.decision!.decidedBy);
    await ctx.notifier.queue((decider.length ? decider : supervisors).map((s) => ({
      id: `findings:${_id}:${saved}:correctionRecountPending:${s._id}`, event: 'correctionRecountPending' as const, to: s._id, caseId: f.caseId,
      title: '节假日安排录入后责令改正期限待确认', body: `${text}，请决定是否采用`, page: SUPERVISE_PAGES.finding(_id),
      fields: { number: f.caseNumber, matter: f.matterName },
    })));
    return;
  }
}

/** Adds the recounts to the case (replacing older ones of the same deadline); retried when another change lands first. */
async function noteOnCase(ctx: ActionContext, caseId: string, year: number, recounts: PendingRecount[]): Promise<void> {
  const text = recounts.map((r) => `${RECOUNT_LABELS[r.kind]}${dateOf(r.issued)}按新日历将为${dateOf(r.wouldBe)}`).join('；');
  for (let attempt = 1; ; attempt++) {
    const c = await ctx.store.get<CaseRecord>('cases', caseId);
    // The year saved again with the same outcome: the handler has been asked already.
    if (!c || recounts.every((r) => c.pendingRecounts?.some((p) => sameDeadline(p)(r) && p.wouldBe === r.wouldBe))) return;
    const kept = (c.pendingRecounts ?? []).filter((p) => !recounts.some(sameDeadline(p)));
    try {
      await saveCase(ctx, c, { ...c, pendingRecounts: [...kept, ...recounts] }, {
        action: 'recountDeadline',
        note: `${year}年节假日安排录入：${text}，待经办人决定`,
        notices: c.handlerId ? [noticeToStaff(c, c.handlerId, 'deadlineRecountPending', `${text}，请决定是否采用`)] : [],
      });
      return;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT') || attempt >= ATTEMPTS) throw e;
    }
  }
}

/**
 * The handler's decision on one pending recount: the case without it, and the rectification deadline (or the
 * follow-up's due date) adopted or kept; either way the date no longer reads as provisional. Adopting a new
 * rectification deadline tells the applicant as the first one did.
 */
export async function settledCase(
  ctx: ActionContext, c: StoredCase, kind: RecountKind, issued: string, adopt: boolean,
): Promise<[CaseRecord, Omit<CaseChange, 'action'>]> {
  const p = c.pendingRecounts?.find((q) => q.kind === kind && q.issued === issued);
  if (!p) throw new AppError('INVALID_STATE', STALE);
  const date = adopt ? p.wouldBe : p.issued;
  const note = adopt
    ? `${RECOUNT_LABELS[kind]}采用新期限 ${dateOf(p.wouldBe)}（原 ${dateOf(p.issued)}）`
    : `${RECOUNT_LABELS[kind]}保持原期限 ${dateOf(p.issued)}（新日历下为 ${dateOf(p.wouldBe)}）`;
  const { pendingRecounts: _all, ...plain } = c;
  const rest = c.pendingRecounts!.filter((q) => q !== p);
  const base: CaseRecord = rest.length ? { ...plain, pendingRecounts: rest } : plain;
  if (kind === 'followUp') {
    const f = await settleFollowUp(ctx, p, date);
    return [base, { note, notices: adopt ? await followUpMovedNotices(ctx, c, f, date) : [] }];
  }
  const r = c.rectification;
  if (!r || r.deadline !== p.issued) throw new AppError('INVALID_STATE', STALE);
  const { deadlineProvisional: _mark, ...settled } = r;
  const notices = adopt
    ? noticeToApplicant(c, 'rectificationRequired', `按国务院节假日安排，整改期限调整为${dateOf(date)}，请在期限内完成整改并申请复查`, { deadline: date })
    : [];
  return [{ ...base, rectification: { ...settled, deadline: date } }, { note, notices }];
}

/** The follow-up's due date as decided, by compare-and-set; a retry that finds it already so changes nothing. */
async function settleFollowUp(ctx: ActionContext, p: PendingRecount, dueAt: string): Promise<Stored<FollowUpRecord>> {
  const f = await ctx.store.get<FollowUpRecord>('followUps', p.followUpId ?? '');
  if (f?.dueAt === dueAt && !f.dueProvisional) return f;
  if (!f || (f.dueAt !== p.issued && f.dueAt !== dueAt)) throw new AppError('INVALID_STATE', STALE);
  const { _id, _version, dueProvisional: _mark, ...body } = f;
  if ((await ctx.store.replace('followUps', _id, _version, { ...body, dueAt })) === null) throw new AppError('CONFLICT');
  return f;
}

/** The supervisors, whose visit it is, are told the follow-up's new due date. */
async function followUpMovedNotices(ctx: ActionContext, c: StoredCase, f: Stored<FollowUpRecord>, dueAt: string): Promise<NonNullable<CaseChange['notices']>> {
  const body = `${c.number} ${c.company.name}的监督回访期限经经办人确认调整为${dateOf(dueAt)}（原 ${dateOf(f.dueAt)}）`;
  return (await roleHolders(ctx.store, 'supervisor')).map((s) => ({
    event: 'followUpDueAdopted' as const, to: s._id, title: '监督回访期限已调整', body,
    page: `/package-supervise/pages/follow-up/follow-up?id=${f._id}&month=${f.month}`, fields: { number: c.number, matter: c.matterName, due: dueAt },
  }));
}

/**
 * A supervisor's decision on an order-to-correct deadline a newly entered notice would move: adopt the new date
 * (the finding and both credit-file entries change, the applicant is told as of the decision) or keep the issued one;
 * either way it no longer reads as provisional. Compare-and-set on the finding version the supervisor saw.
 */
export async function settledFinding(ctx: ActionContext, f: StoredFinding, version: number, issued: string, adopt: boolean): Promise<StoredFinding> {
  if (f._version !== version) throw new AppError('CONFLICT', '该问题记录刚被他人处理，请刷新后重试');
  const { _id, _version, pendingRecount: p, decision, ...body } = f;
  if (!p || !decision || p.issued !== issued || decision.correctionDeadline !== issued) throw new AppError('INVALID_STATE', STALE);
  const date = adopt ? p.wouldBe : p.issued;
  const { correctionDeadlineProvisional: _mark, ...settled } = decision;
  const after: FindingRecord = { ...body, decision: { ...settled, correctionDeadline: date } };
  // The credit file first: should its writes fail, the finding still asks and the supervisor can decide again.
  await creditEntriesFollow(ctx, _id, date, false);
  const saved = await ctx.store.replace('findings', _id, _version, after);
  if (saved === null) {
    // Another decision or recount landed first: the credit file follows the finding as it now stands.
    const now = await ctx.store.get<FindingRecord>('findings', _id);
    if (now?.decision?.correctionDeadline) await creditEntriesFollow(ctx, _id, now.decision.correctionDeadline, now.decision.correctionDeadlineProvisional === true);
    throw new AppError('CONFLICT', '该问题记录刚被他人处理，请刷新后重试');
  }
  await writeAudit(ctx, `findings/${_id}:${saved}`, {
    action: 'settleRecountedCorrection', subject: `findings/${_id}`, caseId: f.caseId,
    note: adopt ? `责令改正期限采用新期限 ${dateOf(date)}（原 ${dateOf(p.issued)}）` : `责令改正期限保持原期限 ${dateOf(date)}（新日历下为 ${dateOf(p.wouldBe)}）`,
  });
  const c = adopt ? await loadCase(ctx, f.caseId) : null;
  if (c?.applicantId) {
    await ctx.notifier.queue([{
      id: `findings:${_id}:${saved}:creditDecision:${c.applicantId}`, event: 'creditDecision', to: c.applicantId, caseId: c._id,
      title: '信用惩戒决定', body: `${c.number} ${FINDING_KIND_LABELS[f.kind]}：按国务院节假日安排，责令改正期限调整为 ${formatChina(date, 'YYYY-MM-DD')}，请于该日前改正`,
      page: SUPERVISE_PAGES.credit, fields: { number: c.number, matter: c.matterName },
    }]);
  }
  return { ...after, _id, _version: saved };
}

/** The finding's credit-file entries (company, and person or phone) carry its deadline, marked provisional or not. */
async function creditEntriesFollow(ctx: ActionContext, findingId: string, deadline: string, provisional: boolean): Promise<void> {
  for (const subject of ['company', 'person', 'phone']) {
    for (let attempt = 1; ; attempt++) {
      const r = await ctx.store.get<CreditRecord>('creditRecords', `${findingId}-${subject}`);
      if (!r || (r.correctionDeadline === deadline && (r.correctionDeadlineProvisional === true) === provisional)) break;
      const { _id, _version, correctionDeadlineProvisional: _mark, ...body } = r;
      const doc = { ...body, correctionDeadline: deadline, ...(provisional ? { correctionDeadlineProvisional: true } : {}) };
      if ((await ctx.store.replace('creditRecords', _id, _version, doc)) !== null) break;
      if (attempt >= ATTEMPTS) throw new AppError('CONFLICT');
    }
  }
}

export const toPendingRecountView = (p: PendingRecount): PendingRecountView => ({
  kind: p.kind, kindLabel: RECOUNT_LABELS[p.kind], issued: p.issued, wouldBe: p.wouldBe, year: p.year,
});
