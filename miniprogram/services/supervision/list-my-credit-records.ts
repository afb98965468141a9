import { bindAction } from '../transport/transport';

/** 查询与本人及所申请企业有关的诚信档案和失信黑名单记录 */
export const listMyCreditRecords = bindAction('listMyCreditRecords');
