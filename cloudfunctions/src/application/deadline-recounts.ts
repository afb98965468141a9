// Entering a holiday notice never moves an issued deadline silently (issue 10): each deadline the new days would
// move is recorded against its case, its handler is told, and the handler adopts the new date or keeps the issued one.

import type { PendingRecountView, RecountKind } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord, PendingRecount } from '../domain/case';
import { formatChina } from '../domain/china-time';
import type { MovedDeadlineAt } from './calendar-years';
import { type CaseChange, type StoredCase, saveCase } from './cases';
import type { FollowUpRecord } from './follow-ups';
import { noticeToApplicant, noticeToStaff } from './notices';

export const RECOUNT_LABELS: Record<RecountKind, string> = { rectification: '整改期限', followUp: '监督回访期限' };

const dateOf = (iso: string): string => formatChina(iso, 'YYYY年M月D日');
const sameDeadline = (a: PendingRecount) => (b: PendingRecount): boolean => a.kind === b.kind && a.followUpId === b.followUpId;
const ATTEMPTS = 5;
/** The deadline was settled, or changed otherwise, since the page was loaded. */
const STALE = '该期限已确认或已变化，请刷新后查看';

/** After the admin saved a year: every moved deadline is noted on its case for its handler; no date changes. */
export async function recordRecounts(ctx: ActionContext, year: number, moved: MovedDeadlineAt[]): Promise<void> {
  const byCase = new Map<string, MovedDeadlineAt[]>();
  for (const m of moved) byCase.set(m.caseId, [...(byCase.get(m.caseId) ?? []), m]);
  for (const [caseId, deadlines] of byCase) {
    await noteOnCase(ctx, caseId, year, deadlines.map(({ caseId: _case, caseNumber: _number, ...d }) => ({ ...d, year, notedAt: ctx.now.toISOString() })));
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
    await settleFollowUp(ctx, p, date);
    return [base, { note }];
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
async function settleFollowUp(ctx: ActionContext, p: PendingRecount, dueAt: string): Promise<void> {
  const f = await ctx.store.get<FollowUpRecord>('followUps', p.followUpId ?? '');
  if (f?.dueAt === dueAt && !f.dueProvisional) return;
  if (!f || (f.dueAt !== p.issued && f.dueAt !== dueAt)) throw new AppError('INVALID_STATE', STALE);
  const { _id, _version, dueProvisional: _mark, ...body } = f;
  if ((await ctx.store.replace('followUps', _id, _version, { ...body, dueAt })) === null) throw new AppError('CONFLICT');
}

export const toPendingRecountView = (p: PendingRecount): PendingRecountView => ({
  kind: p.kind, kindLabel: RECOUNT_LABELS[p.kind], issued: p.issued, wouldBe: p.wouldBe, year: p.year,
});
