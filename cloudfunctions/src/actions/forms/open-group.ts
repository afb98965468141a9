import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString } from '../../api/validation';
import { relationTo } from '../../application/access';
import { loadCase } from '../../application/cases';
import { toGroupView } from '../../application/group';
import { changeCase } from '../../application/readiness';
import { nextState } from '../../domain/case-state';

/**
 * The applicant opens the inspection group. The first time is recorded: with both forms signed the case becomes
 * ready for scheduling (R5, R11). An explicit action rather than a side effect of reading the group, so that
 * reads never change a case and a retried call cannot count twice; the group page calls it when it loads.
 */
export const openGroup = defineAction({
  name: 'openGroup',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { caseId }) {
    const c = await loadCase(ctx, caseId);
    if (!relationTo(ctx.caller, c).applicant) throw new AppError('FORBIDDEN', '只有申请人本人可以进入踏勘群');
    const firstTime = !c.groupOpenedAt && (c.state === 'accepted' || c.state === 'signed');
    if (!firstTime) return toGroupView(ctx, c);
    // The handler was told when the forms were signed; the case now simply appears in their ready queue.
    const saved = await changeCase(ctx, c, c._version, 'openGroup', async (c) => [
      { ...c, groupOpenedAt: ctx.now.toISOString(), state: c.state === 'signed' ? nextState(c.state, 'joinGroup')! : c.state },
    ]);
    return toGroupView(ctx, saved);
  },
});
