import { bindAction } from '../transport/transport';

/** 查询某人的角色变更记录 */
export const listRoleChanges = bindAction('listRoleChanges');
