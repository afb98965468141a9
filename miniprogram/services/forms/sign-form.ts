import { bindAction } from '../transport/transport';

/** 申请人签署一份表单 */
export const signForm = bindAction('signForm');
