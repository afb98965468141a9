import { bindAction } from '../transport/transport';

/** 查询此时可申请订阅的消息模板 */
export const getSubscribeTemplates = bindAction('getSubscribeTemplates');
