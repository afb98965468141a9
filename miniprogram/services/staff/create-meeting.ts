import { bindAction } from '../transport/transport';

/** 经办人通过腾讯会议接口创建会议 */
export const createMeeting = bindAction('createMeeting');
