import { bindAction } from '../transport/transport';

/** 窗口/邮件登记（返回回执与认领码） */
export const registerCase = bindAction('registerCase');
