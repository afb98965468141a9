import { bindAction } from '../transport/transport';

/** 提交踏勘申请 */
export const applyForInspection = bindAction('applyForInspection');
