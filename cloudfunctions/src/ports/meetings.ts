// The video meeting of one inspection slot (R12): created through the Tencent Meeting REST API where the office
// has an enterprise account, or pasted by the handler from a meeting they scheduled themselves.

export interface MeetingInfo {
  provider: 'tencent-rest' | 'manual';
  /** Tencent's internal id; known only when we created the meeting, and needed later to find its recordings. */
  meetingId?: string;
  /** The 9-digit number people type into Tencent Meeting and the Mini Program joins with. */
  meetingCode: string;
  joinUrl?: string;
  password?: string;
}

export interface MeetingRequest {
  subject: string;
  start: Date;
  end: Date;
  /** The Tencent Meeting enterprise userid who owns the meeting; the office's configured account when absent. */
  hostUserId?: string;
}

export interface Meetings {
  createMeeting(request: MeetingRequest): Promise<MeetingInfo>;
}

export type MeetingErrorCode =
  /** The pasted code or link, or the requested slot, cannot be used. */
  | 'MEETING_INPUT_INVALID'
  /** The service refused our credentials or signature: a configuration problem, not worth retrying. */
  | 'MEETING_AUTH_FAILED'
  /** Our clock and the service's differ by more than the 5 minutes it tolerates. */
  | 'MEETING_CLOCK_SKEW'
  /** The service understood the request and said no (quota, sensitive subject, unknown user…). */
  | 'MEETING_REFUSED'
  /** No usable answer: network failure or an HTTP error without the service's error body. */
  | 'MEETING_UNAVAILABLE'
  /** No answer in time; the meeting may still have been created on the service's side. */
  | 'MEETING_TIMEOUT'
  /** A success status with a body we cannot read as a created meeting. */
  | 'MEETING_BAD_RESPONSE';

/**
 * A meeting could not be had. `message` is Chinese and shown to the user as is; `detail` is technical context for
 * the log (status and the service's error code, never request content), `serviceCode` the service's error_code.
 */
export class MeetingError extends Error {
  constructor(
    readonly code: MeetingErrorCode,
    message: string,
    readonly detail?: string,
    readonly serviceCode?: number,
  ) {
    super(message);
    this.name = 'MeetingError';
  }
}
