import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, reasonText, version } from '../../api/validation';
import { authorizeCaseAction } from '../../application/access';
import { loadCase, saveCase } from '../../application/cases';
import { noticeToApplicant } from '../../application/notices';
import { releaseBooking, unbooked } from '../../application/scheduling';
import { toCaseView } from '../../application/views';

/**
 * Where video is not enough, the handler switches the case to an on-site inspection 转现场踏勘, with the reason. The
 * case keeps its history (forms, rounds, evidence, rectification) and continues on the on-site path: back to the
 * handler's queue for a visit slot, any booked video slot and meeting released. The applicant's original choice is
 * kept for the statistics (R20).
 */
export const switchToOnsite = defineAction({
  name: 'switchToOnsite',
  schema: () => z.strictObject({ caseId: idString(), version: version(), reason: reasonText() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { reason, ...ref }) {
    const c = await loadCase(ctx, ref.caseId);
    const { to } = authorizeCaseAction(ctx.caller, c, 'switchToOnsite', ref.version);
    const saved = await saveCase(ctx, c, {
      ...unbooked(c), state: to, mode: 'onsite', requestedMode: c.requestedMode ?? c.mode, onsiteReason: reason, switchedToOnsiteAt: ctx.now.toISOString(),
    }, {
      action: 'switchToOnsite',
      note: reason,
      notices: noticeToApplicant(c, 'caseSwitchedToOnsite', `${reason}。经办人将与您约定现场踏勘时间`),
    });
    if (c.scheduledAt) await releaseBooking(ctx, c);
    return toCaseView(ctx, saved);
  },
});
