import { bindAction } from '../transport/transport';

/** 申请改期（须填写原因） */
export const rescheduleInspection = bindAction('rescheduleInspection');
