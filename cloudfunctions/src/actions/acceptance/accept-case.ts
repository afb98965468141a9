import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { noticeToApplicant } from '../../application/notices';
import { loadMatter } from '../../application/catalogue';
import { groupLabel } from '../../domain/group-label';

/**
 * An officer of the matter's section accepts: they become the handler for good (R18), and the case keeps the
 * checklist version in force now. A remote case goes on to the forms and the group; an on-site case to scheduling. Two officers accepting at once: the second fails with CONFLICT.
 */
export const acceptCase = defineAction({
  name: 'acceptCase',
  schema: () => z.strictObject({ caseId: idString(), version: version() }),
  callers: ['staff'],
  mutates: true,
  handle: (ctx, ref) =>
    actOnCase(ctx, ref, 'acceptCase', async (c, state) => {
      const matter = await loadMatter(ctx, c.matterCode);
      const acceptedAt = ctx.now.toISOString();
      const accepted = { ...c, acceptedAt, handlerId: ctx.caller.openid, handlerName: ctx.caller.name, checklistVersion: matter.checklistVersion };
      // An on-site case has no consent form, group or meeting (R1): it waits for a visit slot straight away.
      if (c.mode === 'onsite') {
        return [
          { ...accepted, state: 'ready' },
          { notices: noticeToApplicant(c, 'caseAccepted', `${c.number} ${c.matterName}，经办人将按受理顺序安排现场踏勘时间`) },
        ];
      }
      return [
        { ...accepted, state, groupLabel: groupLabel(c.matterName, acceptedAt, c.applicantName) },
        {
          notices: noticeToApplicant(c, 'caseAccepted', `${c.number} ${c.matterName}，请签署同意书和承诺书`),
        },
      ];
    }),
});
