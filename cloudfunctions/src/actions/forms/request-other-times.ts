import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, text, version } from '../../api/validation';
import { noticeToStaff } from '../../application/notices';
import { actOnReadiness } from '../../application/readiness';

/** The applicant asks for other times, saying when suits them; the offered slots are withdrawn and the handler told. */
export const requestOtherTimes = defineAction({
  name: 'requestOtherTimes',
  schema: () => z.strictObject({ caseId: idString(), version: version(), note: text(200, 2) }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { note, ...ref }) {
    return actOnReadiness(ctx, ref, 'requestOtherTimes', async (c) => {
      const { offeredSlots: _declined, ...rest } = c;
      return [
        { ...rest, otherTimesRequest: { note, at: ctx.now.toISOString() } },
        { note, notices: c.handlerId ? [noticeToStaff(c, c.handlerId, 'otherTimesRequested', note)] : [] },
      ];
    });
  },
});
