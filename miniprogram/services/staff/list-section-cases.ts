import { bindAction } from '../transport/transport';

/** 分页查询本科室在办办件（按状态、经办人、逾期筛选） */
export const listSectionCases = bindAction('listSectionCases');
