import { bindAction } from '../transport/transport';

/** 关闭一条投递失败的订阅消息（站内消息保留） */
export const dismissDelivery = bindAction('dismissDelivery');
