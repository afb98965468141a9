import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import { MeetingError, type Meetings } from '../ports/meetings';

/** A meeting that could not be had, as the user's error: their pasted input is a VALIDATION, the service's refusal MEETING_FAILED. */
export function meetingAppError(e: unknown): unknown {
  if (!(e instanceof MeetingError)) return e;
  if (e.code === 'MEETING_INPUT_INVALID') return new AppError('VALIDATION', e.message);
  // The detail (status, the service's error code) helps whoever reads the log; it holds no request content.
  console.warn('meeting: not created', e.code, e.detail ?? '');
  return new AppError('MEETING_FAILED', e.message);
}

/** The meeting of the case's booked slot; its subject is the group label, so every member recognises it (R5, R12). */
export async function meetingForBooking(ctx: ActionContext, meetings: Meetings, c: CaseRecord): Promise<NonNullable<CaseRecord['meeting']>> {
  try {
    const info = await meetings.createMeeting({ subject: c.groupLabel ?? c.number, start: new Date(c.scheduledAt!), end: new Date(c.scheduledEnd!) });
    return { ...info, createdAt: ctx.now.toISOString() };
  } catch (e) {
    throw meetingAppError(e);
  }
}
