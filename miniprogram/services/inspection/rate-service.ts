import { bindAction } from '../transport/transport';

/** 申请人评价本次服务 */
export const rateService = bindAction('rateService');
