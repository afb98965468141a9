import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, version } from '../../api/validation';
import { relationTo } from '../../application/access';
import { loadCase } from '../../application/cases';
import { meetingForBooking } from '../../application/meetings';
import { changeCase, toReadinessView } from '../../application/readiness';

/**
 * The handler has the booked slot's meeting created through Tencent Meeting, e.g. after it failed at booking.
 * A case that already has its meeting keeps it: a second one would only confuse the applicant.
 */
export const createMeeting = defineAction({
  name: 'createMeeting',
  schema: () => z.strictObject({ caseId: idString(), version: version() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, ref) {
    const c = await loadCase(ctx, ref.caseId);
    if (relationTo(ctx.caller, c).handler && c.state === 'scheduled' && c.meeting) return toReadinessView(ctx, c);
    const saved = await changeCase(ctx, c, ref.version, 'createMeeting', async (c) => {
      const scheduler = ctx.meetings.scheduler;
      if (!scheduler) throw new AppError('MEETING_FAILED', '本局未配置腾讯会议接口，请在腾讯会议中预定会议后填写会议号');
      const meeting = await meetingForBooking(ctx, scheduler, c);
      return [{ ...c, meeting }, { note: `会议号 ${meeting.meetingCode}` }];
    });
    return toReadinessView(ctx, saved);
  },
});
