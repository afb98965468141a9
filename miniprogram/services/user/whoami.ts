import { bindAction } from '../transport/transport';

/** 查询当前用户的身份与角色 */
export const whoami = bindAction('whoami');
