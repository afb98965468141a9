import { bindAction } from '../transport/transport';

/** 分页查询我的办件 */
export const listMyCases = bindAction('listMyCases');
