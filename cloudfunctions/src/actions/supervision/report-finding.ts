import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, text } from '../../api/validation';
import { relationTo } from '../../application/access';
import { loadCase } from '../../application/cases';
import { announceFinding, newFinding, toFindingView } from '../../application/findings';
import { verifyOwnUploads } from '../../application/intake';
import { evidenceFileIds, findingKind, findingSeverity } from './schemas';

/**
 * A regulator of the case's sector reports a later finding of fraud on a case pushed to their inbox (R15); the
 * supervisors are told and decide on it.
 */
export const reportFinding = defineAction({
  name: 'reportFinding',
  schema: z.strictObject({ caseId: idString, kind: findingKind, severity: findingSeverity, description: text(1000, 2), evidenceFileIds }),
  callers: ['regulator'],
  mutates: true,
  async handle(ctx, { caseId, kind, severity, description, evidenceFileIds: fileIds }) {
    const c = await loadCase(ctx, caseId);
    if (!relationTo(ctx.caller, c).regulator) throw new AppError('FORBIDDEN', '只能报告本行业已办结办件的问题');
    const evidence = await verifyOwnUploads(ctx, fileIds, ctx.caller.openid);
    const id = ctx.ids.next();
    const finding = newFinding(ctx, c, { source: 'regulator', kind, severity, description, evidence });
    if (!(await ctx.store.insert('findings', id, finding))) throw new AppError('DUPLICATE');
    await announceFinding(ctx, id, finding);
    return toFindingView({ ...finding, _id: id, _version: 1 });
  },
});
