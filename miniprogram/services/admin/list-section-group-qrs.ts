import { bindAction } from '../transport/transport';

/** 查询各审批科室的踏勘群二维码 */
export const listSectionGroupQrs = bindAction('listSectionGroupQrs');
