import { bindAction } from '../transport/transport';

/** 查询系统设置 */
export const getSettings = bindAction('getSettings');
