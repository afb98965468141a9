import * as z from 'zod';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { pageOf } from '../../application/find-all';
import { toFindingView } from '../../application/findings';
import { provisionalCheck } from '../../application/provisional-marks';

/** Findings, newest first; all of them, or those waiting for a decision, or those decided. */
export const listFindings = defineAction({
  name: 'listFindings',
  schema: () => z.strictObject({ ...pageQuery(), status: z.enum(['pending', 'decided']).optional() }),
  callers: ['supervisor'],
  mutates: false,
  async handle(ctx, { status, ...page }) {
    const found = await pageOf(ctx.store, 'findings', status ? { status } : {}, [['reportedAt', 'desc'], ['_id', 'asc']], page, toFindingView);
    // A correction deadline counted on the statutory days reads so while its year's notice is still missing, or a
    // notice entered since would move it and no supervisor has decided.
    const check = provisionalCheck(ctx.calendar);
    const items = await Promise.all(found.items.map(async (f) => {
      if (!f.decision) return f;
      const { correctionDeadlineProvisional: marked, ...decision } = f.decision;
      const provisional = !!marked && (!!f.pendingRecount || (await check(marked, decision.correctionDeadline ?? decision.decidedAt)));
      return { ...f, decision: provisional ? { ...decision, correctionDeadlineProvisional: true } : decision };
    }));
    return { ...found, items };
  },
});
