import { bindAction } from '../transport/transport';

/** 分页查询投递失败的订阅消息 */
export const listFailedDeliveries = bindAction('listFailedDeliveries');
