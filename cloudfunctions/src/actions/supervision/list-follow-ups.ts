import * as z from 'zod';
import type { FollowUpView } from '../../../../typings/models';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { pageOf } from '../../application/find-all';
import { type FollowUpRecord, toFollowUpView } from '../../application/follow-ups';
import { provisionalCheck } from '../../application/provisional-marks';
import { month } from './schemas';

/** Follow-up visits, soonest due first; by status (e.g. the open ones) and by draw month. */
export const listFollowUps = defineAction({
  name: 'listFollowUps',
  schema: () => z.strictObject({ ...pageQuery(), status: z.enum(['open', 'consistent', 'finding']).optional(), month: month().optional() }),
  callers: ['supervisor'],
  mutates: false,
  async handle(ctx, { status, month: drawMonth, ...page }) {
    const found = await pageOf<FollowUpRecord, FollowUpView>(
      ctx.store, 'followUps', { ...(status ? { status } : {}), ...(drawMonth ? { month: drawMonth } : {}) }, [['dueAt', 'asc'], ['_id', 'asc']], page,
      (f) => toFollowUpView(f, ctx.now),
    );
    // A due date counted on the statutory days reads so only while its year's notice is still missing.
    const check = provisionalCheck(ctx.calendar);
    const items = await Promise.all(found.items.map(async ({ dueProvisional, ...f }) => ((await check(dueProvisional, f.dueAt)) ? { ...f, dueProvisional: true } : f)));
    return { ...found, items };
  },
});
