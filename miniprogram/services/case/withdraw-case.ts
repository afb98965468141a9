import { bindAction } from '../transport/transport';

/** 申请人撤回办件（须填写原因） */
export const withdrawCase = bindAction('withdrawCase');
