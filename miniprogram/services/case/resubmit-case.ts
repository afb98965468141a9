import { bindAction } from '../transport/transport';

/** 补正后重新提交办件 */
export const resubmitCase = bindAction('resubmitCase');
