import { downloadUrl } from './download-url';
import { getFileUrl } from './get-file-url';

const IMAGE = /\.(jpe?g|png|gif|webp|bmp|heic)$/i;

/**
 * 打开办件中的一个文件：向服务端领取临时链接（存储不允许小程序直接读取，与云端相同），下载后图片用预览、
 * 文档用微信内置阅读器。
 */
export async function openFile(caseId: string, fileId: string, name: string): Promise<void> {
  const filePath = await downloadUrl(async () => (await getFileUrl({ caseId, fileId })).url);
  if (IMAGE.test(name)) await wx.previewImage({ urls: [filePath] });
  // https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html
  else await wx.openDocument({ filePath, showMenu: false });
}
