import { bindAction } from '../transport/transport';

/** 科长工作台：本科室在办办件按状态和经办人统计 */
export const getSectionWorkbench = bindAction('getSectionWorkbench');
