// The section head's view of the section (R18): its open cases, each officer's load and what is overdue. An
// office section has at most a few hundred open cases: they are read once and counted in memory.

import type { SectionCaseRow } from '../../../typings/api';
import type { ActionContext, UserRecord } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import { OPEN_STATES, STATE_LABELS } from '../domain/case-state';
import { formatChina } from '../domain/china-time';
import type { Stored } from '../ports/store';
import { findAll } from './find-all';

/** The section the caller may look at: a section head's own; for an admin, the one named. */
export function sectionOf(ctx: ActionContext, asked: string | undefined): string {
  const own = ctx.caller.roles.has('sectionHead') ? ctx.caller.sectionCode : undefined;
  if (asked && asked !== own && !ctx.caller.roles.has('admin')) throw new AppError('FORBIDDEN', '只能查看本科室的办件');
  const section = asked ?? own;
  if (!section) throw new AppError(ctx.caller.roles.has('admin') ? 'VALIDATION' : 'FORBIDDEN', ctx.caller.roles.has('admin') ? '请指明要查看哪个科室' : '您尚未分配到审批科室');
  return section;
}

/** Served by by_section_state (sectionCode, state, submittedAt). */
export const openCasesOf = (ctx: ActionContext, sectionCode: string): Promise<Stored<CaseRecord>[]> =>
  findAll<CaseRecord>(ctx.store, 'cases', {
    where: { sectionCode, state: { op: 'in', value: [...OPEN_STATES] } },
    orderBy: [['submittedAt', 'asc'], ['_id', 'asc']],
  });

/** What makes an open case overdue now, in words; undefined when nothing is. */
export function overdueReason(c: CaseRecord, now: Date): string | undefined {
  if (c.state === 'rectifying' && c.rectification && !c.rectification.reinspectionRequestedAt && Date.parse(c.rectification.deadline) < now.getTime()) {
    return `整改期限${formatChina(c.rectification.deadline, 'M月D日')}已过，待作出决定`;
  }
  if (c.state === 'scheduled' && c.scheduledAt && Date.parse(c.scheduledAt) + 60 * 60_000 < now.getTime()) {
    return `预约的踏勘时间${formatChina(c.scheduledAt, 'M月D日 HH:mm')}已过，尚未开始`;
  }
  return undefined;
}

export function toSectionCaseRow(c: Stored<CaseRecord>, now: Date): SectionCaseRow {
  const overdue = overdueReason(c, now);
  return {
    id: c._id, version: c._version, number: c.number, matterName: c.matterName, companyName: c.company.name,
    state: c.state, stateLabel: STATE_LABELS[c.state], submittedAt: c.submittedAt,
    ...(c.handlerId ? { handlerId: c.handlerId, handlerName: c.handlerName ?? '' } : {}),
    ...(overdue ? { overdue } : {}),
  };
}

/** The section's officers (staff of the section), for the load table. */
export const officersOf = async (ctx: ActionContext, sectionCode: string): Promise<Stored<UserRecord>[]> =>
  (await ctx.store.find<UserRecord>('users', { where: { sectionCode }, orderBy: [['name', 'asc']], limit: 200 })).filter((u) => u.roles.includes('staff'));
