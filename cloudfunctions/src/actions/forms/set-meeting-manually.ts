import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, text, version } from '../../api/validation';
import { meetingForBooking } from '../../application/meetings';
import { actOnReadiness } from '../../application/readiness';

/**
 * The handler pastes the code, link or invitation of a meeting they scheduled in Tencent Meeting themselves
 * (where the office has no enterprise account, or to replace the one created). Only one clearly identified
 * meeting with a 9-digit code is accepted.
 */
export const setMeetingManually = defineAction({
  name: 'setMeetingManually',
  schema: () => z.strictObject({ caseId: idString(), version: version(), pasted: text(2000) }),
  callers: ['staff'],
  mutates: true,
  handle: (ctx, { pasted, ...ref }) =>
    actOnReadiness(ctx, ref, 'setMeetingManually', async (c) => {
      const meeting = await meetingForBooking(ctx, ctx.meetings.pasted(pasted), c);
      return [{ ...c, meeting }, { note: `会议号 ${meeting.meetingCode}${c.meeting ? `（原会议号 ${c.meeting.meetingCode}）` : ''}` }];
    }),
});
