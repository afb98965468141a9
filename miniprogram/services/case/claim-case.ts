import { bindAction } from '../transport/transport';

/** 凭认领码认领窗口或邮件登记的办件 */
export const claimCase = bindAction('claimCase');
