import { bindAction } from '../transport/transport';

/** 申请人选定一个踏勘时段 */
export const bookSlot = bindAction('bookSlot');
