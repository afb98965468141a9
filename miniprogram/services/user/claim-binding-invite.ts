import { bindAction } from '../transport/transport';

/** 打开绑定链接，绑定为工作人员 */
export const claimBindingInvite = bindAction('claimBindingInvite');
