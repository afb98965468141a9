import type { Page, QueueEntry } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import type { CaseRecord } from '../domain/case';
import { type TimeSlot, describeSlot } from '../domain/inspection-slots';
import type { StoredCase } from './cases';
import { noticesToCaseParties } from './notices';
import { releaseSlot } from './officer-days';
import { toCaseSummary } from './views';

/** A ready case waits for its officer unless slots are out with the applicant. */
const waitsForOfficer = (c: CaseRecord): boolean => !c.offeredSlots?.length;

/** The officer's ready queue in acceptance order (R11), served by the by_handler_state index. */
export async function readyQueue(ctx: ActionContext, offset = 0, limit = 20): Promise<Page<QueueEntry>> {
  const where = { handlerId: ctx.caller.openid, state: 'ready' };
  const [cases, total] = await Promise.all([
    ctx.store.find<CaseRecord>('cases', { where, orderBy: [['acceptedAt', 'asc']], offset, limit }),
    ctx.store.count('cases', where),
  ]);
  const items = cases.map((c, i) => ({
    ...toCaseSummary(c),
    position: offset + i + 1,
    slotsOffered: !waitsForOfficer(c),
    ...(c.otherTimesRequest ? { otherTimesRequest: c.otherTimesRequest } : {}),
  }));
  return { items, total, offset, limit };
}

/** Ready cases of the same officer, accepted earlier, still waiting for times: taking this one first needs a reason. */
export async function casesAhead(ctx: ActionContext, c: StoredCase): Promise<StoredCase[]> {
  const earlier = await ctx.store.find<CaseRecord>('cases', {
    where: { handlerId: c.handlerId, state: 'ready', acceptedAt: { op: 'lt', value: c.acceptedAt! } },
    orderBy: [['acceptedAt', 'asc']],
    limit: 1000,
  });
  return earlier.filter(waitsForOfficer);
}

/** The booked slot of a scheduled case. */
export const bookedSlot = (c: CaseRecord): TimeSlot => ({ start: c.scheduledAt!, end: c.scheduledEnd! });

/** The case back in the ready queue with no booking, offer or meeting: after a reschedule or a no-show. */
export function unbooked(c: StoredCase): StoredCase {
  const { scheduledAt: _at, scheduledEnd: _end, bookedWith: _with, meeting: _meeting, offeredSlots: _offered, ...rest } = c;
  return rest;
}

/** Everyone in the case is told the booked inspection is off (R11: both sides are told). */
export const rescheduleNotices = (c: StoredCase, why: string) =>
  noticesToCaseParties(c, 'meetingRescheduled', `原定${describeSlot(bookedSlot(c))}的视频踏勘取消：${why}。请重新预约时间`);

/** The officer's day gets the slot back once the case is saved without it. */
export const releaseBooking = (ctx: ActionContext, c: CaseRecord): Promise<void> =>
  releaseSlot(ctx, c.bookedWith ?? c.handlerId!, bookedSlot(c), (c as StoredCase)._id);
