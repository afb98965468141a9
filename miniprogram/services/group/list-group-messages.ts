import { bindAction } from '../transport/transport';

/** 分页查询踏勘群的更早消息 */
export const listGroupMessages = bindAction('listGroupMessages');
