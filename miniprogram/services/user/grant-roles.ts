import { bindAction } from '../transport/transport';

/** 授予或取消人员角色（须写明理由） */
export const grantRoles = bindAction('grantRoles');
