import { bindAction } from '../transport/transport';

/** 分页查询我的消息（最新在前） */
export const listInbox = bindAction('listInbox');
