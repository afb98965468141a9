import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, reasonText, version } from '../../api/validation';
import { loadCase } from '../../application/cases';
import { changeCase, toReadinessView } from '../../application/readiness';
import { releaseBooking, rescheduleNotices, unbooked } from '../../application/scheduling';

/**
 * Either side moves a booked inspection, with a reason: the case goes back to the ready queue, the officer's slot
 * is freed, the count of reschedules grows, and everyone in the case is told (R11). The meeting already created
 * stays in Tencent Meeting (the Meetings port cannot cancel); the next booking gets a new one.
 */
export const rescheduleInspection = defineAction({
  name: 'rescheduleInspection',
  schema: () => z.strictObject({ caseId: idString(), version: version(), reason: reasonText() }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { reason, ...ref }) {
    const c = await loadCase(ctx, ref.caseId);
    const saved = await changeCase(ctx, c, ref.version, 'rescheduleInspection', async (c, state, r) => [
      { ...unbooked(c), state, reschedules: (c.reschedules ?? 0) + 1 },
      { note: reason, notices: rescheduleNotices(c, `${r.handler ? '经办人' : '申请人'}申请改期（${reason}）`) },
    ]);
    await releaseBooking(ctx, c);
    return toReadinessView(ctx, saved);
  },
});
