import { bindAction } from '../transport/transport';

/** 生成一次性绑定链接，邀请工作人员 */
export const createBindingInvite = bindAction('createBindingInvite');
