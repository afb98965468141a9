import { bindAction } from '../transport/transport';

/** 查询踏勘群 */
export const getGroup = bindAction('getGroup');
