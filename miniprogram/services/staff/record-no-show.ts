import { bindAction } from '../transport/transport';

/** 经办人记录申请人未按约参加 */
export const recordNoShow = bindAction('recordNoShow');
