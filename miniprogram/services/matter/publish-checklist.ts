import { bindAction } from '../transport/transport';

/** 发布新版踏勘标准（须写明修订说明） */
export const publishChecklist = bindAction('publishChecklist');
