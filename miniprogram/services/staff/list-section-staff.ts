import { bindAction } from '../transport/transport';

/** 查询本科室可改派的工作人员 */
export const listSectionStaff = bindAction('listSectionStaff');
