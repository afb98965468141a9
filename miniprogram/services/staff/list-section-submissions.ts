import { bindAction } from '../transport/transport';

/** 分页查询本科室待受理的申请 */
export const listSectionSubmissions = bindAction('listSectionSubmissions');
