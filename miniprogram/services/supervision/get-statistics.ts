import { bindAction } from '../transport/transport';

/** 按月、按事项查询试点统计 */
export const getStatistics = bindAction('getStatistics');
