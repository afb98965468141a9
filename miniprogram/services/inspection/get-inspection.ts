import { bindAction } from '../transport/transport';

/** 读取办件的踏勘记录（核查项、证据、决定、整改、评价） */
export const getInspection = bindAction('getInspection');
