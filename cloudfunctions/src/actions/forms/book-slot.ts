import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, version } from '../../api/validation';
import { authorizeCaseAction } from '../../application/access';
import { loadCase, saveCase } from '../../application/cases';
import { meetingForBooking } from '../../application/meetings';
import { noticeToStaff } from '../../application/notices';
import { claimSlot, releaseSlot } from '../../application/officer-days';
import { toReadinessView } from '../../application/readiness';
import type { CaseRecord } from '../../domain/case';
import { formatChina } from '../../domain/china-time';
import { describeSlot, sameStart, slotDay } from '../../domain/inspection-slots';
import { isWorkingDay } from '../../domain/working-days';
import { yearsAround } from '../../ports/calendar';
import { slotStart } from './fields';

/**
 * The applicant picks one of the offered slots. The slot is claimed on the handler's day first (of two cases
 * taking overlapping slots at once, one is refused cleanly), then the meeting is created where Tencent Meeting is
 * configured. A meeting that cannot be created does not undo the booking: the handler is told and can create it
 * again or paste a code.
 */
export const bookSlot = defineAction({
  name: 'bookSlot',
  schema: () => z.strictObject({ caseId: idString(), version: version(), start: slotStart() }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { start, ...ref }) {
    const c = await loadCase(ctx, ref.caseId);
    const { to } = authorizeCaseAction(ctx.caller, c, 'bookSlot', ref.version);
    const slot = c.offeredSlots!.find((s) => sameStart(s, new Date(start)));
    if (!slot) throw new AppError('VALIDATION', '请从经办人提供的时段中选择');
    if (Date.parse(slot.start) <= ctx.now.getTime()) throw new AppError('VALIDATION', '该时段已经过去，请申请其他时间');
    // Offered on the statutory days: the notice entered since may have made that day a holiday.
    if (slot.provisional && !isWorkingDay(slotDay(slot), await yearsAround(ctx.calendar, new Date(slot.start)))) {
      throw new AppError('VALIDATION', `按国务院节假日安排，${formatChina(slot.start, 'M月D日')}放假，请申请其他时间`);
    }
    const officerId = c.handlerId!;
    await claimSlot(ctx, officerId, slot, c._id);
    try {
      const { offeredSlots: _picked, otherTimesRequest: _answered, ...rest } = c;
      const booked: CaseRecord = { ...rest, state: to, scheduledAt: slot.start, scheduledEnd: slot.end, bookedWith: officerId };
      let meetingProblem = '';
      // A video meeting only for a remote inspection; an on-site visit needs none.
      if (ctx.meetings.scheduler && c.mode === 'remote') {
        try {
          booked.meeting = await meetingForBooking(ctx, ctx.meetings.scheduler, booked);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          meetingProblem = `；腾讯会议未能自动创建（${e.message}）`;
        }
      }
      const saved = await saveCase(ctx, c, booked, {
        action: 'bookSlot',
        note: describeSlot(slot) + meetingProblem,
        notices: [noticeToStaff(c, officerId, 'timePicked', `${describeSlot(slot)}${meetingProblem}`, { start: slot.start })],
      });
      return toReadinessView(ctx, saved);
    } catch (e) {
      await releaseSlot(ctx, officerId, slot, c._id);
      throw e;
    }
  },
});
