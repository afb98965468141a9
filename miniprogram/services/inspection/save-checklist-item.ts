import { bindAction } from '../transport/transport';

/** 保存一个核查项的结果 */
export const saveChecklistItem = bindAction('saveChecklistItem');
