import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, reasonText, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { noticeToStaff } from '../../application/notices';

/** The applicant withdraws an open case, with a reason. */
export const withdrawCase = defineAction({
  name: 'withdrawCase',
  schema: () => z.strictObject({ caseId: idString(), version: version(), reason: reasonText() }),
  callers: 'anyone',
  mutates: true,
  handle: (ctx, { reason, ...ref }) =>
    actOnCase(ctx, ref, 'withdrawCase', (c, state) => [
      { ...c, state, withdrawReason: reason },
      {
        note: reason,
        notices: c.handlerId ? [noticeToStaff(c, c.handlerId, 'caseWithdrawn', `${c.number} ${c.company.name}：${reason}`)] : [],
      },
    ]),
});
