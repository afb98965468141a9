import { bindAction } from '../transport/transport';

/** 关联腾讯会议云录制 */
export const attachMeetingRecording = bindAction('attachMeetingRecording');
