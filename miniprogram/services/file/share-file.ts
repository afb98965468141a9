import { ApiError } from '../transport/transport';

/**
 * 把已下载的本地文件转发到微信聊天（用于 CSV 等微信内置阅读器打不开的文件）。
 * WeChat allows it only inside a tap: call it first thing in the handler, with a file downloaded beforehand.
 */
export function shareFile(filePath: string, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.shareFileMessage.html
    wx.shareFileMessage({
      filePath,
      fileName,
      success: () => resolve(),
      fail: (err) => (/cancel/i.test(err.errMsg) ? resolve() : reject(new ApiError('INTERNAL', '转发失败，请重试'))),
    });
  });
}
