import { bindAction } from '../transport/transport';

/** 经办人填写自行预定的腾讯会议 */
export const setMeetingManually = bindAction('setMeetingManually');
