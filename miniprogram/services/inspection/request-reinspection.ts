import { bindAction } from '../transport/transport';

/** 整改完成后申请复查 */
export const requestReinspection = bindAction('requestReinspection');
