import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, reasonText, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { noticeToApplicant } from '../../application/notices';

/** Where video is not enough, the handler switches the case to an on-site inspection 转现场踏勘, with the reason. */
export const switchToOnsite = defineAction({
  name: 'switchToOnsite',
  schema: z.strictObject({ caseId: idString, version, reason: reasonText }),
  callers: ['staff'],
  mutates: true,
  handle: (ctx, { reason, ...ref }) =>
    actOnCase(ctx, ref, 'switchToOnsite', (c, state) => [
      { ...c, state, onsiteReason: reason },
      {
        note: reason,
        notices: noticeToApplicant(c, 'caseSwitchedToOnsite', reason),
      },
    ]),
});
