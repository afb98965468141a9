import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import { type Booking, type TimeSlot, bookingRefusal, slotDay } from '../domain/inspection-slots';

/** One officer's inspections on one China date, in `officerDays`: overlap and the daily maximum are decided here. */
export interface OfficerDay {
  officerId: string;
  date: string;
  bookings: Booking[];
}

const dayId = (officerId: string, slot: TimeSlot): string => `${officerId}:${slotDay(slot)}`;
const ATTEMPTS = 8;

/**
 * The bookings that still stand. A case withdrawn or moved to on-site inspection while booked leaves its booking
 * behind (those actions belong to other areas); it no longer holds the slot. A booking whose case is still
 * ready is a claim in progress and stands.
 */
async function standing(ctx: ActionContext, bookings: readonly Booking[]): Promise<Booking[]> {
  const cases = await Promise.all(bookings.map((b) => ctx.store.get<CaseRecord>('cases', b.caseId)));
  return bookings.filter((_, i) => cases[i] && cases[i]!.state !== 'withdrawn' && cases[i]!.state !== 'onsite');
}

export async function bookingsOfDay(ctx: ActionContext, officerId: string, slot: TimeSlot): Promise<Booking[]> {
  return standing(ctx, (await ctx.store.get<OfficerDay>('officerDays', dayId(officerId, slot)))?.bookings ?? []);
}

/** The refusal an officer's day gives this slot, as an error for the user; none when it fits. */
export function refuseUnlessFits(day: readonly Booking[], slot: TimeSlot, caseId: string, dailyMaximum: number): void {
  const refusal = bookingRefusal(day, slot, caseId, dailyMaximum);
  if (refusal === 'overlap') throw new AppError('CONFLICT', '该时段已有其他踏勘预约，请选择其他时段');
  if (refusal === 'full') throw new AppError('LIMIT', `经办人当天的踏勘已达上限（${dailyMaximum}场），请选择其他日期`);
}

/**
 * Claims the slot on the officer's day by compare-and-set on the day's document: of two cases booking
 * overlapping slots at once, one wins and the other is refused cleanly. Claiming again for the same case is a no-op.
 */
export async function claimSlot(ctx: ActionContext, officerId: string, slot: TimeSlot, caseId: string): Promise<void> {
  const id = dayId(officerId, slot);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const day = await ctx.store.get<OfficerDay>('officerDays', id);
    const bookings = await standing(ctx, day?.bookings ?? []);
    if (bookings.some((b) => b.caseId === caseId && b.start === slot.start)) return;
    refuseUnlessFits(bookings, slot, caseId, ctx.config.scheduling.dailyMaximum);
    const next: OfficerDay = { officerId, date: slotDay(slot), bookings: [...bookings, { caseId, start: slot.start, end: slot.end }] };
    const claimed = day ? (await ctx.store.replace('officerDays', id, day._version, next)) !== null : await ctx.store.insert('officerDays', id, next);
    if (claimed) return;
  }
  throw new AppError('CONFLICT', '预约人数较多，请稍后重试');
}

/** Gives the slot back, e.g. after a reschedule or when the booking could not be saved. */
export async function releaseSlot(ctx: ActionContext, officerId: string, slot: TimeSlot, caseId: string): Promise<void> {
  const id = dayId(officerId, slot);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const day = await ctx.store.get<OfficerDay>('officerDays', id);
    if (!day?.bookings.some((b) => b.caseId === caseId)) return;
    const { _id, _version, ...rest } = day;
    const next: OfficerDay = { ...rest, bookings: day.bookings.filter((b) => b.caseId !== caseId) };
    if ((await ctx.store.replace('officerDays', _id, _version, next)) !== null) return;
  }
  throw new AppError('CONFLICT', '系统繁忙，请稍后重试');
}
