import { parseMeetingPaste } from '../../domain/meeting-code';
import { MeetingError, type MeetingInfo, type Meetings } from '../../ports/meetings';

/**
 * The meeting the handler scheduled in Tencent Meeting themselves and pasted (code, link or invitation text).
 * Built per request around what was pasted; the slot is the handler's to match, Tencent cannot be asked here.
 */
export class ManualMeetings implements Meetings {
  constructor(private readonly pasted: string) {}

  async createMeeting(): Promise<MeetingInfo> {
    const parsed = parseMeetingPaste(this.pasted);
    if (!parsed.ok) throw new MeetingError('MEETING_INPUT_INVALID', parsed.message, parsed.reason);
    // A /dm/ or /s/ link does not reveal the code, and the Mini Program joins by code only.
    if (parsed.meetingCode === undefined) {
      throw new MeetingError(
        'MEETING_INPUT_INVALID',
        '只有入会链接还不够，请粘贴包含会议号的完整邀请信息，或在链接后补上 9 位会议号',
        'link without code',
      );
    }
    return {
      provider: 'manual',
      meetingCode: parsed.meetingCode,
      ...(parsed.joinUrl !== undefined && { joinUrl: parsed.joinUrl }),
      ...(parsed.password !== undefined && { password: parsed.password }),
    };
  }
}
