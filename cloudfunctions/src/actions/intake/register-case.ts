import { z } from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString } from '../../api/validation';
import { insertCase } from '../../application/cases';
import { loadMatter } from '../../application/catalogue';
import { newCaseRecord } from '../../application/intake';
import { toCaseView } from '../../application/views';
import { applicationSchema } from './application-schema';

/** Staff register a case whose materials came by counter 窗口 or e-mail 电子邮箱 (R9). */
export const registerCase = defineAction({
  name: 'registerCase',
  schema: applicationSchema.extend({ channel: z.enum(['counter', 'email']), applicantOpenid: idString.optional() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { channel, applicantOpenid, ...input }) {
    // Checked before newCaseRecord claims the day's next case number, so a refused call changes nothing.
    if ((await loadMatter(ctx, input.matterCode)).sectionCode !== ctx.caller.sectionCode) throw new AppError('FORBIDDEN', '只能登记本科室的事项');
    const record = await newCaseRecord(ctx, input, channel, applicantOpenid ?? null, []);
    const saved = await insertCase(ctx, ctx.ids.next(), { ...record, registeredBy: ctx.caller.openid }, { action: 'registerCase' });
    return toCaseView(ctx, saved);
  },
});
