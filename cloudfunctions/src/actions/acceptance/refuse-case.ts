import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, reasonText, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { noticeToApplicant } from '../../application/notices';

/** The application does not meet the conditions for acceptance 不予受理, with the reason. */
export const refuseCase = defineAction({
  name: 'refuseCase',
  schema: () => z.strictObject({ caseId: idString(), version: version(), reason: reasonText() }),
  callers: ['staff'],
  mutates: true,
  handle: (ctx, { reason, ...ref }) =>
    actOnCase(ctx, ref, 'refuseCase', (c, state) => [
      { ...c, state, refuseReason: reason },
      {
        note: reason,
        notices: noticeToApplicant(c, 'caseRefused', reason),
      },
    ]),
});
