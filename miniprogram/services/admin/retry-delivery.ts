import { bindAction } from '../transport/transport';

/** 重新发送一条投递失败的订阅消息 */
export const retryDelivery = bindAction('retryDelivery');
