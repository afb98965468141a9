import { bindAction } from '../transport/transport';

/** 观察员在踏勘记录中添加意见 */
export const addObserverRemark = bindAction('addObserverRemark');
