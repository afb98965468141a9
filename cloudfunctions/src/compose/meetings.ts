import { ManualMeetings } from '../adapters/tencent-meeting/manual-meetings';
import { TencentMeetingRest } from '../adapters/tencent-meeting/tencent-meeting-rest';
import type { MeetingServices } from '../api/context';
import type { AppConfig } from '../config';

/**
 * Meetings through the Tencent Meeting REST API when the office configured its enterprise application, otherwise
 * only the ones handlers paste. The REST adapter signs with the machine's clock: Tencent checks it against its own.
 */
export const composeMeetings = (config: AppConfig): MeetingServices => ({
  scheduler: config.tencentMeeting ? new TencentMeetingRest(config.tencentMeeting) : null,
  pasted: (text) => new ManualMeetings(text),
});
