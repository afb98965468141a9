import { ApiError } from '../transport/transport';

/** 读取本地临时文件的大小（申请上传位置时需要），读不到时以 failMessage 报错 */
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
