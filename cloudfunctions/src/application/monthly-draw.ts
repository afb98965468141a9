// The monthly spot-check draw (R7) around the pure algorithm of domain/monthly-draw.ts: load the month's remote
// decided cases, chain to the previous draw, store one record per month, open a follow-up visit per drawn case
// and tell the supervisors. Shared by the timer function and the supervisors' actions.

import type { DrawList, DrawPreview, DrawSummary, DrawVerification, DrawView, DrawnCase } from '../../../typings/models';
import type { ActionContext, UserRecord } from '../api/context';
import { AppError } from '../api/errors';
import { yearsAround } from '../ports/calendar';
import type { CaseRecord } from '../domain/case';
import { chinaDateOf, chinaMonthOf, chinaMonthRange, previousMonth } from '../domain/china-time';
import {
  type DrawCase, type DrawRecord, MonthlyDrawError, allocate, drawMonth, populationOf, sampleSize, verifyDraw,
} from '../domain/monthly-draw';
import { type HolidayCalendar, deadlineAfter } from '../domain/working-days';
import type { Store, Stored } from '../ports/store';
import { writeAudit } from './audit';
import { findInRange } from './find-all';
import { type FollowUpRecord, followUpId } from './follow-ups';
import { PROVISIONAL_NOTE, keyedNotices, provisionalDateNotice } from './notices';
import { roleHolders } from './role-holders';
import { SUPERVISE_PAGES } from './supervision-pages';

/** The stored draw: the record exactly as hashed, and when and by what it was drawn. Its id is the month. */
export interface DrawDocument extends DrawRecord {
  drawnAt: string;
  trigger: 'timer' | 'supervisor';
  drawnBy: string;
}

export type StoredDraw = Stored<DrawDocument>;

const DAY_MS = 24 * 60 * 60 * 1000;
const PARALLEL_WRITES = 20;

/** The draw's own fields, without what the store or this area added: what verification and auditors get. */
export const recordOf = (d: DrawRecord): DrawRecord => ({
  algorithmVersion: d.algorithmVersion, month: d.month, shareBasisPoints: d.shareBasisPoints, population: d.population,
  populationHash: d.populationHash, previousDrawHash: d.previousDrawHash, seed: d.seed, minimumSample: d.minimumSample,
  allocation: d.allocation, selectedIds: d.selectedIds, drawHash: d.drawHash,
});

/**
 * The remote cases decided in a China month. Decision times are compared as text by the store; reading a day
 * beyond either end catches any stored with an offset other than Z, and populationOf() keeps exactly the month.
 */
export function loadMonthCases(store: Store, month: string): Promise<Stored<CaseRecord>[]> {
  const { start, end } = chinaMonthRange(month);
  const from = new Date(start.getTime() - DAY_MS).toISOString();
  const to = new Date(end.getTime() + DAY_MS).toISOString();
  return findInRange<CaseRecord>(store, 'cases', { mode: 'remote' }, 'decidedAt', from, to);
}

/** The fields the draw reads; the store names the id `_id`. */
const drawCases = (cases: Stored<CaseRecord>[]): DrawCase[] =>
  cases.map((c) => ({ id: c._id, number: c.number, matterCode: c.matterCode, mode: c.mode, decidedAt: c.decidedAt }));

/** The domain's refusals as the api's errors: an open month is not ready yet, bad data cannot form a population. */
function asAppError(error: unknown): never {
  if (!(error instanceof MonthlyDrawError)) throw error;
  const code = error.code === 'MONTH_INVALID' || error.code === 'SHARE_INVALID' || error.code === 'SHARE_TOO_LOW' ? 'VALIDATION' : 'INVALID_STATE';
  throw new AppError(code, error.message);
}

function assertDrawable(ctx: ActionContext, month: string): void {
  const first = chinaMonthOf(`${ctx.config.supervision.trialStart}T00:00:00+08:00`);
  if (month < first) throw new AppError('VALIDATION', `远程视频踏勘试点自 ${first} 开始，此前的月份没有可抽查的办件`);
  if (ctx.now.getTime() < chinaMonthRange(month).end.getTime()) {
    throw new AppError('INVALID_STATE', `${month} 尚未结束（北京时间），下月 1 日起才能抽查`);
  }
}

/**
 * The draw of a closed month, made at most once: a month already drawn returns its stored record, and two runs at
 * once store one (the second reads the first's). The chain starts at the first month ever drawn; a month missed
 * after that is drawn first (months are drawn in order, each chained to the one before), and a month before the
 * first draw can no longer be drawn, since the chain has started without it.
 */
export async function runMonthlyDraw(ctx: ActionContext, month: string, trigger: DrawDocument['trigger']): Promise<{ created: boolean; draw: StoredDraw }> {
  // Every read a new draw needs, side by side: each is a round trip in CloudBase, and the timer's cold start pays
  // for each sequential one. A month already drawn wastes the others, which only a re-run or a retry does.
  // Nothing is written before the checks below.
  const [existing, [later], [latest], cases, calendar, supervisors] = await Promise.all([
    ctx.store.get<DrawDocument>('draws', month),
    ctx.store.find<DrawDocument>('draws', { where: { month: { op: 'gt', value: month } }, orderBy: [['month', 'asc']], limit: 1 }),
    ctx.store.find<DrawDocument>('draws', { where: { month: { op: 'lt', value: month } }, orderBy: [['month', 'desc']], limit: 1 }),
    loadMonthCases(ctx.store, month),
    yearsAround(ctx.calendar, ctx.now),
    roleHolders(ctx.store, 'supervisor'),
  ]);
  const casesById = new Map(cases.map((c) => [c._id, c]));
  if (existing) {
    await completeDraw(ctx, existing, { casesById, supervisors });
    return { created: false, draw: existing };
  }
  assertDrawable(ctx, month);
  if (later) throw new AppError('INVALID_STATE', `已有 ${later.month} 的抽查记录，抽查链已经开始，不能再补抽更早的 ${month}`);
  const previous = !latest ? null : latest.month === previousMonth(month) ? latest : (await runMonthlyDraw(ctx, previousMonth(month), trigger)).draw;

  let record: DrawRecord;
  try {
    record = drawMonth({ month, cases: drawCases(cases), previousDrawHash: previous?.drawHash ?? null, shareBasisPoints: ctx.config.supervision.drawShareBasisPoints, now: ctx.now });
  } catch (error) {
    asAppError(error);
  }
  const doc: DrawDocument = { ...record, drawnAt: ctx.now.toISOString(), trigger, drawnBy: ctx.caller.openid };
  const created = await ctx.store.insert('draws', month, doc);
  const stored = created ? { ...doc, _id: month, _version: 1 } : await ctx.store.get<DrawDocument>('draws', month);
  if (!stored) throw new AppError('CONFLICT', '抽查记录写入冲突，请重试');
  // A draw stored just now has no follow-up visits yet (their ids derive from it), and was drawn at ctx.now.
  await completeDraw(ctx, stored, created ? { casesById, calendar, supervisors, opened: 0 } : { casesById, supervisors });
  return { created, draw: stored };
}

/** What the caller has already read, so that completing a draw does not read it again. */
interface Known {
  /** The month's cases as read now; a drawn case missing from them (its decision moved since) is read by id. */
  casesById: Map<string, Stored<CaseRecord>>;
  /** The calendar around the draw's `drawnAt`. */
  calendar?: HolidayCalendar;
  /** Read by every caller beside its other reads. */
  supervisors: Stored<UserRecord>[];
  /** How many follow-up visits of the month exist. */
  opened?: number;
}

/**
 * What follows a stored draw: a follow-up visit per drawn case, the audit entry, a notice to every supervisor.
 * Every id is derived from the month, so running this again (after a failure, or on a re-run) adds nothing twice.
 */
async function completeDraw(ctx: ActionContext, draw: StoredDraw, known: Known): Promise<void> {
  const [calendar, opened] = await Promise.all([
    known.calendar ?? yearsAround(ctx.calendar, new Date(draw.drawnAt)),
    known.opened ?? ctx.store.count('followUps', { month: draw.month }),
  ]);
  const due = deadlineAfter(new Date(draw.drawnAt), ctx.config.supervision.followUpWorkingDays, calendar);
  const dueAt = due.deadline.toISOString();
  if (opened < draw.selectedIds.length) {
    const open = async (caseId: string): Promise<void> => {
      const c = known.casesById.get(caseId) ?? (await ctx.store.get<CaseRecord>('cases', caseId));
      if (!c) return;
      const followUp: FollowUpRecord = {
        month: draw.month, caseId, caseNumber: c.number, matterCode: c.matterCode, matterName: c.matterName,
        companyName: c.company.name, premisesAddress: c.premises.address, status: 'open', dueAt, createdAt: draw.drawnAt,
        ...(due.provisional ? { dueProvisional: true } : {}),
      };
      const id = followUpId(draw.month, caseId);
      if ((await ctx.store.insert('followUps', id, followUp)) && due.provisional) {
        await ctx.notifier.queue(keyedNotices(`followUps:${id}`, caseId, provisionalDateNotice({ ...c, _id: caseId }, '监督回访期限', chinaDateOf(dueAt))));
      }
    };
    // A few writes at a time: each is a round trip to the database in CloudBase.
    for (let i = 0; i < draw.selectedIds.length; i += PARALLEL_WRITES) {
      await Promise.all(draw.selectedIds.slice(i, i + PARALLEL_WRITES).map(open));
    }
  }
  await writeAudit(ctx, `draws/${draw.month}`, {
    action: 'monthlyDraw',
    subject: `draws/${draw.month}`,
    note: `总体 ${draw.population.length} 件，抽取 ${draw.selectedIds.length} 件，抽查哈希 ${draw.drawHash}`,
  });
  await ctx.notifier.queue(
    known.supervisors.map((s) => ({
      id: `draws:${draw.month}:drawDone:${s._id}`,
      event: 'drawDone',
      to: s._id,
      title: `${draw.month} 监督回访抽查已完成`,
      body: draw.selectedIds.length
        ? `上月远程踏勘办结 ${draw.population.length} 件，抽取 ${draw.selectedIds.length} 件，请于 ${chinaDateOf(dueAt)} 前完成回访${due.provisional ? `（${PROVISIONAL_NOTE}）` : ''}`
        : `${draw.month} 没有远程踏勘办结的办件，本月无需回访`,
      page: SUPERVISE_PAGES.draw(draw.month),
      fields: { month: draw.month, count: String(draw.selectedIds.length) },
    })),
  );
}

export async function loadDraw(store: Store, month: string): Promise<StoredDraw> {
  const draw = await store.get<DrawDocument>('draws', month);
  if (!draw) throw new AppError('NOT_FOUND', `${month} 尚无抽查记录`);
  return draw;
}

export const toDrawSummary = (d: StoredDraw): DrawSummary => ({
  month: d.month,
  drawnAt: d.drawnAt,
  trigger: d.trigger,
  shareBasisPoints: d.shareBasisPoints,
  populationSize: d.population.length,
  selectedCount: d.selectedIds.length,
  drawHash: d.drawHash,
});

export const DRAW_PAGE_SIZE = 50;

/**
 * The draw's record without its long lists, and one page of the list asked for: the drawn cases (with their
 * follow-up visits, in the record's order) or the frozen population. Only the page's follow-ups are read.
 */
export async function toDrawView(store: Store, d: StoredDraw, request: { list?: DrawList; offset?: number; limit?: number } = {}): Promise<DrawView> {
  const { population, selectedIds, ...header } = recordOf(d);
  const offset = request.offset ?? 0;
  const limit = request.limit ?? DRAW_PAGE_SIZE;
  const matters = await Promise.all(header.allocation.map((a) => store.get<{ name: string }>('matters', a.matterCode)));
  const matterNames = Object.fromEntries(header.allocation.map((a, i) => [a.matterCode, matters[i]?.name ?? a.matterCode]));
  const view = { ...toDrawSummary(d), record: header, matterNames };
  if (request.list === 'population') {
    return { ...view, page: { list: 'population', items: population.slice(offset, offset + limit), total: population.length, offset, limit } };
  }
  const ids = selectedIds.slice(offset, offset + limit);
  const followUps = await Promise.all(ids.map((caseId) => store.get<FollowUpRecord>('followUps', followUpId(d.month, caseId))));
  const items = ids.flatMap((caseId, i): DrawnCase[] => {
    const f = followUps[i];
    return f
      ? [{ caseId, number: f.caseNumber, matterName: f.matterName, companyName: f.companyName, followUpId: f._id, followUpStatus: f.status }]
      : [];
  });
  return { ...view, page: { list: 'selected', items, total: selectedIds.length, offset, limit } };
}

/** Population, minimum sample and allocation of a closed month, as the draw would find them now; nothing is stored. */
export async function previewMonthlyDraw(ctx: ActionContext, month: string): Promise<DrawPreview> {
  assertDrawable(ctx, month);
  const shareBasisPoints = ctx.config.supervision.drawShareBasisPoints;
  try {
    const { entries, populationHash } = populationOf(drawCases(await loadMonthCases(ctx.store, month)), month);
    const minimumSample = sampleSize(entries.length, shareBasisPoints);
    const alreadyDrawn = (await ctx.store.get('draws', month)) !== null;
    return { month, shareBasisPoints, populationSize: entries.length, populationHash, minimumSample, allocation: allocate(entries, minimumSample), alreadyDrawn };
  } catch (error) {
    return asAppError(error);
  }
}

/**
 * Recomputes the stored draw from its own record, checks its population against the cases as they are now, and
 * its chain to the previous month's record (the first draw ever must chain to the genesis value).
 */
export async function verifyStoredDraw(ctx: ActionContext, month: string): Promise<DrawVerification> {
  const draw = await loadDraw(ctx.store, month);
  const cases = await loadMonthCases(ctx.store, month);
  const previous = await ctx.store.get<DrawDocument>('draws', previousMonth(month));
  const earlier = previous ?? (await ctx.store.find<DrawDocument>('draws', { where: { month: { op: 'lt', value: month } }, limit: 1 }))[0];
  const result = verifyDraw(draw, drawCases(cases), previous ? recordOf(previous) : earlier ? undefined : null);
  const problems = earlier && !previous ? [...result.problems, `CHAIN: 上期（${previousMonth(month)}）抽查记录缺失，抽查链中断`] : result.problems;
  const codes = earlier && !previous ? [...result.codes, 'CHAIN'] : result.codes;
  return { month, ok: problems.length === 0, problems, codes, drawHash: draw.drawHash, checkedAt: ctx.now.toISOString() };
}
