import { ApiError } from '../transport/transport';

/** The size of a local temp file (requestUpload asks for it up front); rejects with `failMessage`. */
export function fileSize(filePath: string, failMessage = '文件读取失败，请重试'): Promise<number> {
  return new Promise((resolve, reject) => {
    // https://developers.weixin.qq.com/miniprogram/dev/api/file/FileSystemManager.getFileInfo.html
    wx.getFileSystemManager().getFileInfo({
      filePath,
      success: (res) => resolve(res.size),
      fail: () => reject(new ApiError('INTERNAL', failMessage)),
    });
  });
}
