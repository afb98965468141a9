import type { CaseView, CreditFindingView, DrawList, DrawPage, DrawPopulationEntry, DrawView, DrawnCase, FollowUpView } from '../../typings/models';
import type { CaseRecord } from '../../cloudfunctions/src/domain/case';
import { chinaTime } from '../../cloudfunctions/src/domain/china-time';
import type { Stored } from '../../cloudfunctions/src/ports/store';
import { forceCase } from './fast-forward';
import type { Harness } from './harness';
import { NOTICE_2027 } from './inspection';

// Cases and records the supervision actions start from. The harness clock stands in June 2026, so May 2026 is the
// last closed month.

export const CLOSED_MONTH = '2026-05';

/**
 * A remote case of `who` applied for on 8 May (China time) and decided (passed) at `decidedAt`, by the shortcut of
 * forceCase: the inspection that leads there is another area's.
 */
export async function decidedCase(h: Harness, decidedAt = '2026-05-20T02:00:00.000Z', patch: Partial<CaseRecord> = {}, who = 'applicant'): Promise<Stored<CaseRecord>> {
  const now = h.clock.now().toISOString();
  h.clock.set('2026-05-08T01:00:00Z');
  const c = await h.apply(who);
  h.clock.set(now);
  await forceCase(h, c.id, {
    state: 'passed', handlerId: 'staff', handlerName: '王芳', acceptedAt: '2026-05-08T02:00:00.000Z', decidedAt, decision: 'pass', ...patch,
  });
  return (await h.deps.store.get<CaseRecord>('cases', c.id))!;
}

/** May's draw over one decided case, and that case's follow-up visit. */
export async function drawnFollowUp(h: Harness): Promise<DrawnCase> {
  await decidedCase(h);
  const { draw } = await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  return drawnCases(draw)[0]!;
}

/** The drawn cases on a draw view's page (the first page of runDraw and getDraw). */
export function drawnCases(draw: DrawView): DrawnCase[] {
  if (draw.page.list !== 'selected') throw new Error(`expected the drawn cases, got the ${draw.page.list}`);
  return draw.page.items;
}

type ListItem<L extends DrawList> = Extract<DrawPage, { list: L }>['items'][number];

/** The whole of one of a draw's lists, read page by page as the draw page does when scrolled to the end. */
export async function wholeDrawList<L extends DrawList>(h: Harness, month: string, list: L): Promise<ListItem<L>[]> {
  const items: (DrawnCase | DrawPopulationEntry)[] = [];
  for (let pages = 0; ; pages++) {
    const { page } = await h.ok('supervisor', 'getDraw', { month, list, offset: items.length, limit: 100 });
    if (page.list !== list) throw new Error(`asked for the ${list}, got the ${page.list}`);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0 || pages > 10_000) return items as ListItem<L>[];
  }
}

/** A serious finding of a false address that the sector's regulator reported on a passed case. */
export async function pendingFinding(h: Harness, c?: Stored<CaseRecord>): Promise<CreditFindingView> {
  const target = c ?? (await decidedCase(h));
  return h.ok('regulator', 'reportFinding', {
    caseId: target._id, kind: 'falseAddress', severity: 'serious', description: '回访发现申报地址为空置商铺', evidenceFileIds: [],
  });
}

/**
 * A finding decided on Monday 28 December 2026 with an order to correct within 10 working days (counted on the
 * statutory days of 2027), which the admin's 2027 notice then moved: the supervisors see the pending recount on it.
 */
export async function recountedFinding(h: Harness): Promise<CreditFindingView> {
  h.clock.set('2026-12-28T02:00:00Z');
  const f = await pendingFinding(h);
  await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason: '虚报经营场所地址', correctionWorkingDays: 10 });
  const { version } = await h.ok('admin', 'getCalendarYear', { year: 2027 });
  await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version, confirm: true });
  return (await h.ok('supervisor', 'listFindings', { status: 'decided' })).items.find((x) => x.id === f.id)!;
}

/**
 * May's one decided case drawn on 28 December, its visit due in 2027 by the statutory holidays alone (provisional),
 * then the 2027 notice entered: the handler is asked whether to adopt the visit's recounted due date.
 * Answers the case, its visit before the notice, and the case as the handler then sees it.
 */
export async function recountedFollowUp(h: Harness): Promise<{ c: Stored<CaseRecord>; before: FollowUpView; seen: CaseView }> {
  const c = await decidedCase(h);
  h.clock.set(chinaTime('2026-12-28 10:00').toISOString());
  await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH });
  const before = (await h.ok('supervisor', 'listFollowUps', {})).items[0]!;
  await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
  return { c, before, seen: await h.ok('staff', 'getCase', { caseId: c._id }) };
}
