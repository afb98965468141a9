import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, text } from '../../api/validation';
import { relationTo } from '../../application/access';
import { loadCase } from '../../application/cases';
import { type FindingRecord, announceFinding, newFinding, toFindingView } from '../../application/findings';
import { MAX_QUERY_LIMIT } from '../../ports/store';
import { verifyOwnUploads } from '../../application/intake';
import { evidenceFileIds, findingKind, findingSeverity } from './schemas';

/**
 * A regulator of the case's sector reports a later finding of fraud on a case pushed to their inbox (R15); the
 * supervisors are told and decide on it. One finding of a kind on a case is pending at a time: the id counts the
 * findings of that case and kind, so two reports racing each other take the same id and only one is stored.
 */
const PENDING_ALREADY = '该办件的同类问题已经报告，正等待政策法规科处理，请勿重复报告';

export const reportFinding = defineAction({
  name: 'reportFinding',
  schema: () => z.strictObject({ caseId: idString(), kind: findingKind(), severity: findingSeverity(), description: text(1000, 2), evidenceFileIds: evidenceFileIds() }),
  callers: ['regulator'],
  mutates: true,
  async handle(ctx, { caseId, kind, severity, description, evidenceFileIds: fileIds }) {
    const c = await loadCase(ctx, caseId);
    if (!relationTo(ctx.caller, c).regulator) throw new AppError('FORBIDDEN', '只能报告本行业已办结办件的问题');
    const evidence = await verifyOwnUploads(ctx, fileIds, ctx.caller.openid);
    const earlier = await ctx.store.find<FindingRecord>('findings', { where: { caseId, kind }, limit: MAX_QUERY_LIMIT });
    if (earlier.some((f) => f.status === 'pending')) throw new AppError('DUPLICATE', PENDING_ALREADY);
    const id = `${caseId}-${kind}-${earlier.length + 1}`;
    const finding = newFinding(ctx, c, { source: 'regulator', kind, severity, description, evidence });
    if (!(await ctx.store.insert('findings', id, finding))) throw new AppError('DUPLICATE', PENDING_ALREADY);
    await announceFinding(ctx, id, finding);
    return toFindingView({ ...finding, _id: id, _version: 1 });
  },
});
