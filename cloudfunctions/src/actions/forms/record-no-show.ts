import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, text, version } from '../../api/validation';
import { loadCase } from '../../application/cases';
import { changeCase, toReadinessView } from '../../application/readiness';
import { releaseBooking, rescheduleNotices, unbooked } from '../../application/scheduling';

/**
 * The handler records that the applicant did not come to the booked meeting: once its time has come, the case
 * goes back to the ready queue for a new time, the no-show is counted, and everyone in the case is told.
 */
export const recordNoShow = defineAction({
  name: 'recordNoShow',
  schema: () => z.strictObject({ caseId: idString(), version: version(), note: text(300).optional() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { note, ...ref }) {
    const c = await loadCase(ctx, ref.caseId);
    const saved = await changeCase(ctx, c, ref.version, 'recordNoShow', async (c, state) => {
      if (Date.parse(c.scheduledAt!) > ctx.now.getTime()) throw new AppError('INVALID_STATE', '预约的踏勘时间还没到，不能记录未参加');
      const why = `申请人未按约参加${note ? `（${note}）` : ''}`;
      return [{ ...unbooked(c), state, noShows: (c.noShows ?? 0) + 1 }, { note: why, notices: rescheduleNotices(c, why) }];
    });
    await releaseBooking(ctx, c);
    return toReadinessView(ctx, saved);
  },
});
