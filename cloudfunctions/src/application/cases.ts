import type { CaseState } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import type { Notice } from '../ports/notifier';
import type { Stored } from '../ports/store';
import type { CaseView } from '../../../typings/models';
import { type Relation, authorizeCaseAction } from './access';
import { writeAudit } from './audit';
import { toCaseView } from './views';

export type StoredCase = Stored<CaseRecord>;

export async function loadCase(ctx: ActionContext, caseId: string): Promise<StoredCase> {
  const found = await ctx.store.get<CaseRecord>('cases', caseId);
  if (!found) throw new AppError('NOT_FOUND', '未找到该办件');
  return found;
}


export interface CaseChange {
  action: string;
  note?: string;
  notices?: (Omit<Notice, 'id' | 'caseId'> & { key?: string })[];
}

/**
 * Saves the case by compare-and-set on the version it was loaded at, then records the audit entry and queues
 * the notices. A concurrent change makes this fail with CONFLICT and nothing is written.
 */
export async function saveCase(ctx: ActionContext, before: StoredCase, after: CaseRecord, change: CaseChange): Promise<StoredCase> {
  const { _id, _version, ...body } = { ...after, _id: before._id, _version: before._version };
  const newVersion = await ctx.store.replace('cases', _id, _version, body);
  if (newVersion === null) throw new AppError('CONFLICT');
  await recordCaseChange(ctx, _id, newVersion, before.state, after.state, change);
  return { ...body, _id, _version: newVersion };
}

/** Inserts a new case (version 1) with its audit entry. */
export async function insertCase(ctx: ActionContext, id: string, record: CaseRecord, change: CaseChange): Promise<StoredCase> {
  if (!(await ctx.store.insert('cases', id, record))) throw new AppError('DUPLICATE');
  await recordCaseChange(ctx, id, 1, undefined, record.state, change);
  return { ...record, _id: id, _version: 1 };
}

async function recordCaseChange(
  ctx: ActionContext, caseId: string, version: number, from: CaseState | undefined, to: CaseState, change: CaseChange,
): Promise<void> {
  await writeAudit(ctx, `${caseId}:${version}`, {
    action: change.action, subject: `cases/${caseId}`, caseId, from, to, ...(change.note ? { note: change.note } : {}),
  });
  if (change.notices?.length) {
    await ctx.notifier.queue(
      change.notices.map(({ key, ...n }) => ({ ...n, caseId, id: `${caseId}:${version}:${n.event}:${key ?? n.to}` })),
    );
  }
}

/**
 * The shape of every per-case action: load, authorize (who and state), check the version the caller saw,
 * let the action build the new record, save by compare-and-set with audit and notices, answer the new view.
 */
export async function actOnCase(
  ctx: ActionContext,
  ref: { caseId: string; version: number },
  action: string,
  build: (c: StoredCase, to: CaseState, relation: Relation) => Promise<[CaseRecord, Omit<CaseChange, 'action'>?]> | [CaseRecord, Omit<CaseChange, 'action'>?],
): Promise<CaseView> {
  const c = await loadCase(ctx, ref.caseId);
  const { relation, to } = authorizeCaseAction(ctx.caller, c, action, ref.version);
  const [after, change] = await build(c, to, relation);
  return toCaseView(ctx, await saveCase(ctx, c, after, { action, ...change }));
}
