import { bindAction } from '../transport/transport';

/** 记录用户对订阅消息的选择 */
export const recordSubscriptions = bindAction('recordSubscriptions');
