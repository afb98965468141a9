import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { noticeToApplicant } from '../../application/notices';
import { loadMatter } from '../../application/catalogue';
import { groupLabel } from '../../domain/group-label';

/**
 * An officer of the matter's section accepts: they become the handler for good (R18), and the case keeps the
 * checklist version in force now. Two officers accepting at once: the second fails with CONFLICT.
 */
export const acceptCase = defineAction({
  name: 'acceptCase',
  schema: z.strictObject({ caseId: idString, version }),
  callers: ['staff'],
  mutates: true,
  handle: (ctx, ref) =>
    actOnCase(ctx, ref, 'acceptCase', async (c, state) => {
      const matter = await loadMatter(ctx, c.matterCode);
      const acceptedAt = ctx.now.toISOString();
      return [
        {
          ...c, state, acceptedAt, handlerId: ctx.caller.openid, handlerName: ctx.caller.name,
          checklistVersion: matter.checklistVersion, groupLabel: groupLabel(c.matterName, acceptedAt, c.applicantName),
        },
        {
          notices: noticeToApplicant(c, 'caseAccepted', `${c.number} ${c.matterName}，请签署同意书和承诺书`),
        },
      ];
    }),
});
