import * as z from 'zod';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { pageOf } from '../../application/find-all';
import { toFindingView } from '../../application/findings';

/** Findings, newest first; all of them, or those waiting for a decision, or those decided. */
export const listFindings = defineAction({
  name: 'listFindings',
  schema: () => z.strictObject({ ...pageQuery(), status: z.enum(['pending', 'decided']).optional() }),
  callers: ['supervisor'],
  mutates: false,
  handle: (ctx, { status, ...page }) =>
    pageOf(ctx.store, 'findings', status ? { status } : {}, [['reportedAt', 'desc'], ['_id', 'asc']], page, toFindingView),
});
