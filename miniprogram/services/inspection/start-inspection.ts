import { bindAction } from '../transport/transport';

/** 经办人开始踏勘，取得一次性会话码 */
export const startInspection = bindAction('startInspection');
