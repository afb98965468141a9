import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, reasonText, version } from '../../api/validation';
import { PROVISIONAL_NOTE, noticeToApplicant, provisionalDateNotice } from '../../application/notices';
import { bookingsOfDay, refuseUnlessFits } from '../../application/officer-days';
import { actOnReadiness } from '../../application/readiness';
import { casesAhead } from '../../application/scheduling';
import { yearsAround } from '../../ports/calendar';
import { describeSlot, markedSlot, overlaps, slotRefusal, slotStartingAt } from '../../domain/inspection-slots';
import { slotStart } from './fields';

/**
 * The handler offers the applicant up to three slots (R11): in office hours on working days (Asia/Shanghai), not
 * over another of their inspections and not beyond their daily maximum. Cases are served in acceptance order:
 * offering to a case while an earlier-accepted one still waits for times needs a reason, which the audit keeps.
 */
export const offerSlots = defineAction({
  name: 'offerSlots',
  schema: () => z.strictObject({
    caseId: idString(),
    version: version(),
    starts: z.array(slotStart()).min(1, { message: '请至少提供一个时段' }).max(3, { message: '最多提供三个时段' }),
    reason: reasonText().optional(),
  }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { starts, reason, ...ref }) {
    const { officeHours, slotMinutes, dailyMaximum } = ctx.config.scheduling;
    const calendar = await yearsAround(ctx.calendar, ctx.now);
    return actOnReadiness(ctx, ref, 'offerSlots', async (c) => {
      const slots = starts.map((s) => markedSlot(slotStartingAt(new Date(s), slotMinutes), calendar)).sort((a, b) => a.start.localeCompare(b.start));
      if (slots.some((s, i) => i > 0 && overlaps(slots[i - 1]!, s))) throw new AppError('VALIDATION', '提供的时段之间不能重叠');
      for (const slot of slots) {
        const refusal = slotRefusal(slot, ctx.now, officeHours, calendar);
        if (refusal) throw new AppError('VALIDATION', refusal);
        refuseUnlessFits(await bookingsOfDay(ctx, ctx.caller.openid, slot), slot, c._id, dailyMaximum);
      }
      const ahead = await casesAhead(ctx, c);
      if (ahead.length && !reason) {
        throw new AppError('VALIDATION', `更早受理的办件${ahead[0]!.number}等${ahead.length}件尚未安排时间，请先安排，或说明不按受理顺序安排的原因`);
      }
      const times = slots.map(describeSlot).join('、');
      const provisional = slots.filter((s) => s.provisional).map(describeSlot).join('、');
      const { otherTimesRequest: _answered, ...rest } = c;
      return [
        { ...rest, offeredSlots: slots },
        {
          note: ahead.length ? `不按受理顺序（先于${ahead.map((a) => a.number).join('、')}）：${reason}；时段 ${times}` : `时段 ${times}`,
          notices: [
            ...noticeToApplicant(c, 'timesOffered', `可选时段：${times}${provisional ? `（${provisional}：${PROVISIONAL_NOTE}）` : ''}`),
            ...(provisional ? provisionalDateNotice(c, '踏勘时段', provisional) : []),
          ],
        },
      ];
    });
  },
});
