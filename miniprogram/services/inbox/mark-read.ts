import { bindAction } from '../transport/transport';

/** 将我的消息标为已读，返回剩余未读数 */
export const markRead = bindAction('markRead');
