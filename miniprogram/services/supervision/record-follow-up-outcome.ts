import { bindAction } from '../transport/transport';

/** 登记回访结果：与申报一致，或发现问题 */
export const recordFollowUpOutcome = bindAction('recordFollowUpOutcome');
