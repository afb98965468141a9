import { bindAction } from '../transport/transport';

/** 分页查询人员（按姓名、角色筛选） */
export const listUsers = bindAction('listUsers');
