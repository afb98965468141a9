import { bindAction } from '../transport/transport';

/** 查询未读消息数 */
export const unreadCount = bindAction('unreadCount');
