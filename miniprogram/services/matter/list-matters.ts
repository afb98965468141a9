import { bindAction } from '../transport/transport';

/** 查询可申请的事项目录 */
export const listMatters = bindAction('listMatters');
