import { bindAction } from '../transport/transport';

/** 行业监管部门报告已办结办件的失信问题 */
export const reportFinding = bindAction('reportFinding');
