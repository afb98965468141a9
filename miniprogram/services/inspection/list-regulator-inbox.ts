import { bindAction } from '../transport/transport';

/** 分页查询推送给本行业监管部门的已办结办件（最新在前） */
export const listRegulatorInbox = bindAction('listRegulatorInbox');
