import { openDocument } from '../file/open-document';
import { getRegistrationReceipt } from './get-registration-receipt';

/** 打开窗口/邮件登记的收件回执 PDF，用微信内置阅读器打印或转发（链接过期时重新领取） */
export const openRegistrationReceipt = (caseId: string): Promise<void> =>
  openDocument(async () => (await getRegistrationReceipt({ caseId })).downloadUrl);
