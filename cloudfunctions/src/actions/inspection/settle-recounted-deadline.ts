import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, version } from '../../api/validation';
import { settledCase } from '../../application/deadline-recounts';
import { changeCase } from '../../application/inspection';
import { toCaseView } from '../../application/views';

/**
 * The handler decides on a deadline the newly entered holiday notice would move (issue 10): adopt the new date
 * (the applicant is told the new rectification deadline) or keep the issued one. Compare-and-set on the case
 * version the handler saw; a second tap on a stale page is a CONFLICT, never a second change.
 */
export const settleRecountedDeadline = defineAction({
  name: 'settleRecountedDeadline',
  schema: () => z.strictObject({
    caseId: idString(),
    version: version(),
    deadline: z.enum(['rectification', 'followUp'], { message: '请选择要确认的期限' }),
    issued: z.iso.datetime({ message: '期限格式不正确' }),
    adopt: z.boolean(),
  }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { deadline, issued, adopt, ...ref }) {
    const c = await changeCase(ctx, ref, 'settleRecountedDeadline', (current) => settledCase(ctx, current, deadline, issued, adopt));
    return toCaseView(ctx, c);
  },
});
