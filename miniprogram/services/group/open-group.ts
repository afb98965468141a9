import { bindAction } from '../transport/transport';

/** 申请人首次进入踏勘群 */
export const openGroup = bindAction('openGroup');
