import { bindAction } from '../transport/transport';

/** 通话中断后恢复踏勘，重新生成会话码 */
export const resumeInspection = bindAction('resumeInspection');
