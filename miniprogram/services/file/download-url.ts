import { ApiError } from '../transport/transport';

/** 把服务端给出的临时链接下载为本地临时文件，返回其路径 */
export function downloadUrl(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = () => reject(new ApiError('NETWORK', '文件下载失败，请重试'));
    // https://developers.weixin.qq.com/miniprogram/dev/api/network/download/wx.downloadFile.html
    wx.downloadFile({ url, success: (res) => (res.statusCode === 200 ? resolve(res.tempFilePath) : fail()), fail });
  });
}
