import { bindAction } from '../transport/transport';

/** 分页查询已预约待踏勘的办件及其观察员 */
export const listUpcomingInspections = bindAction('listUpcomingInspections');
