import { z } from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString } from '../../api/validation';
import { insertCase } from '../../application/cases';
import { newCaseRecord } from '../../application/intake';
import { toCaseView } from '../../application/views';
import { applicationSchema } from './application-schema';

/**
 * Staff register a case whose materials came by counter 窗口 or e-mail 电子邮箱 (R9).
 * no page: a counter-intake form in the 工作台 is not built yet; until it is, counter and e-mail cases are
 * registered by calling this action through the api directly.
 */
export const registerCase = defineAction({
  name: 'registerCase',
  schema: applicationSchema.extend({ channel: z.enum(['counter', 'email']), applicantOpenid: idString.optional() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { channel, applicantOpenid, ...input }) {
    const record = await newCaseRecord(ctx, input, channel, applicantOpenid ?? null, []);
    if (record.sectionCode !== ctx.caller.sectionCode) throw new AppError('FORBIDDEN', '只能登记本科室的事项');
    const saved = await insertCase(ctx, ctx.ids.next(), { ...record, registeredBy: ctx.caller.openid }, { action: 'registerCase' });
    return toCaseView(ctx, saved);
  },
});
