import { bindAction } from '../transport/transport';

/** 经办人向申请人提供踏勘时段（最多三个） */
export const offerSlots = bindAction('offerSlots');
