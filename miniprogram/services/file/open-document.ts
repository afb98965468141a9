import { ApiError } from '../transport/transport';
import { downloadUrl, type LinkSource } from './download-url';

/** 下载一份 PDF（服务端给出的临时链接，过期时重新领取）并用微信内置阅读器打开 */
export async function openDocument(link: LinkSource): Promise<void> {
  const filePath = await downloadUrl(link);
  // https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html
  await wx.openDocument({ filePath, fileType: 'pdf', showMenu: true }).catch(() => {
    throw new ApiError('INTERNAL', '无法打开此文件');
  });
}
