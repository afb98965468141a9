import { config, runtimeMode } from '../../config/config';
import { devOpenid } from '../transport/dev-identity';
import { ApiError } from '../transport/transport';

function download(fileId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = () => reject(new ApiError('NETWORK', '文件下载失败，请重试'));
    if (runtimeMode() === 'cloud') {
      wx.cloud.downloadFile({ fileID: fileId, success: (res) => resolve(res.tempFilePath), fail });
    } else {
      // The local runtime serves `local://<path>` at /files/<path>.
      wx.downloadFile({
        url: `${config.localBaseUrl}/files/${encodeURI(fileId.replace(/^local:\/\//, ''))}`,
        header: { 'X-Wx-Openid': devOpenid() },
        success: (res) => (res.statusCode === 200 ? resolve(res.tempFilePath) : fail()),
        fail,
      });
    }
  });
}

/** 打开一份材料：图片用预览，文档用微信内置阅读器 */
export async function openFile(fileId: string, name: string): Promise<void> {
  await showFile(await download(fileId), name);
}

/** 显示已下载的文件：图片用预览，文档用微信内置阅读器 */
export async function showFile(filePath: string, name: string): Promise<void> {
  if (/\.(jpe?g|png|gif|webp|bmp)$/i.test(name)) await wx.previewImage({ urls: [filePath] });
  // https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html
  else await wx.openDocument({ filePath, showMenu: false });
}
