import { bindAction } from '../transport/transport';

/** 窗口/邮件登记的收件回执 PDF 的临时链接（本科室工作人员） */
export const getRegistrationReceipt = bindAction('getRegistrationReceipt');
