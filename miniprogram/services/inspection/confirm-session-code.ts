import { bindAction } from '../transport/transport';

/** 现场人员输入经办人宣读的会话码 */
export const confirmSessionCode = bindAction('confirmSessionCode');
