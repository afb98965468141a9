import * as z from 'zod';
import { defineAction } from '../../api/action';
import type { UserRecord } from '../../api/context';
import { AppError } from '../../api/errors';
import { idString, reasonText, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { noticeToStaff } from '../../application/notices';

/** Only a section head or admin moves a case to another officer (R18), with a reason the audit keeps. */
export const reassignCase = defineAction({
  name: 'reassignCase',
  schema: () => z.strictObject({ caseId: idString(), version: version(), toOpenid: idString(), reason: reasonText() }),
  callers: ['sectionHead', 'admin'],
  mutates: true,
  handle: (ctx, { toOpenid, reason, ...ref }) =>
    actOnCase(ctx, ref, 'reassignCase', async (c) => {
      const to = await ctx.store.get<UserRecord>('users', toOpenid);
      if (!to || !to.roles.includes('staff') || to.sectionCode !== c.sectionCode) {
        throw new AppError('VALIDATION', '接办人员须为本科室的审批工作人员');
      }
      if (toOpenid === c.handlerId) throw new AppError('VALIDATION', '接办人员与当前经办人相同');
      return [
        { ...c, handlerId: toOpenid, handlerName: to.name },
        {
          note: `${c.handlerName ?? ''} → ${to.name}：${reason}`,
          notices: [
            noticeToStaff(c, toOpenid, 'caseReassignedTo', `${c.number}：${reason}`),
            ...(c.handlerId ? [noticeToStaff(c, c.handlerId, 'caseReassignedFrom', `${c.number}：${reason}`)] : []),
          ],
        },
      ];
    }),
});
