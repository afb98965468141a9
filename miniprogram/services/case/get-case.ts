import { bindAction } from '../transport/transport';

/** 查询办件详情 */
export const getCase = bindAction('getCase');
