import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, reasonText, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { noticeToApplicant } from '../../application/notices';

/** Materials incomplete: back to the applicant with what is missing 退回补正. */
export const returnCase = defineAction({
  name: 'returnCase',
  schema: () => z.strictObject({ caseId: idString(), version: version(), missing: reasonText() }),
  callers: ['staff'],
  mutates: true,
  handle: (ctx, { missing, ...ref }) =>
    actOnCase(ctx, ref, 'returnCase', (c, state) => [
      { ...c, state, returnNote: missing },
      {
        note: missing,
        notices: noticeToApplicant(c, 'caseReturned', missing),
      },
    ]),
});
