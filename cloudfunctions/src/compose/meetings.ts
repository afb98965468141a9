import { meetingsCreateUrl } from '../adapters/tencent-meeting/create-url';
import { ManualMeetings } from '../adapters/tencent-meeting/manual-meetings';
import type { TencentMeetingConfig, TencentMeetingRest } from '../adapters/tencent-meeting/tencent-meeting-rest';
import type { MeetingServices } from '../api/context';
import type { AppConfig } from '../config';
import type { Meetings } from '../ports/meetings';

/**
 * Meetings through the Tencent Meeting REST API when the office configured its enterprise application, otherwise
 * only the ones handlers paste. The REST adapter signs with the machine's clock: Tencent checks it against its own.
 */
export const composeMeetings = (config: AppConfig): MeetingServices => ({
  scheduler: config.tencentMeeting ? restScheduler(config.tencentMeeting) : null,
  pasted: (text) => new ManualMeetings(text),
});

/**
 * The REST adapter, loaded on the first meeting it creates: it parses Tencent's answers with zod, which the timer
 * functions (composed the same way, never creating a meeting) would otherwise load on every cold start.
 */
function restScheduler(config: TencentMeetingConfig): Meetings {
  // A misconfigured office is still refused when the function is composed.
  meetingsCreateUrl(config);
  let rest: TencentMeetingRest | undefined;
  const load = (): TencentMeetingRest => {
    const { TencentMeetingRest: Rest } = require('../adapters/tencent-meeting/tencent-meeting-rest') as typeof import('../adapters/tencent-meeting/tencent-meeting-rest');
    return new Rest(config);
  };
  return { createMeeting: (request) => (rest ??= load()).createMeeting(request) };
}
