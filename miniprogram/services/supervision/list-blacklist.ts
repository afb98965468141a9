import { bindAction } from '../transport/transport';

/** 分页查询失信黑名单 */
export const listBlacklist = bindAction('listBlacklist');
