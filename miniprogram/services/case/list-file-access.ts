import { bindAction } from '../transport/transport';

/** 谁查看过办件中的文件（申请人看本人材料和录像，审批人员看全部） */
export const listFileAccess = bindAction('listFileAccess');
