import { config, runtimeMode } from '../../config/config';
import { devOpenid } from '../transport/dev-identity';
import { ApiError } from '../transport/transport';

/** Progress in percent, 0–100. */
export type OnProgress = (percent: number) => void;

const FAILED = '上传失败，请重试';

/** Reads the local runtime's answer: `{fileID}` (or an `{ok:false, code, message}` refusal). */
function fileIdOf(statusCode: number, body: string): string {
  let parsed: { fileID?: unknown; ok?: unknown; code?: string; message?: string; data?: { fileID?: unknown } } = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: fall through to the generic failure
  }
  const fileID = parsed.fileID ?? parsed.data?.fileID;
  if (statusCode < 300 && typeof fileID === 'string') return fileID;
  if (parsed.ok === false && parsed.message) throw new ApiError((parsed.code ?? 'INTERNAL') as ApiError['code'], parsed.message);
  throw new ApiError('INTERNAL', FAILED);
}

/** Uploads one local file to the place `requestUpload` gave; resolves with its fileID. */
export function uploadFile(cloudPath: string, filePath: string, onProgress?: OnProgress): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (err: { errMsg?: string }) =>
      reject(new ApiError('NETWORK', /timeout|network|fail/i.test(err.errMsg ?? '') ? '网络不稳定，上传失败，请重试' : FAILED));
    let task: WechatMiniprogram.UploadTask;
    if (runtimeMode() === 'cloud') {
      // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/uploadFile/client.uploadFile.html
      task = wx.cloud.uploadFile({ cloudPath, filePath, success: (res) => resolve(res.fileID), fail });
    } else {
      task = wx.uploadFile({
        url: `${config.localBaseUrl}/upload`,
        filePath,
        name: 'file',
        formData: { cloudPath },
        header: { 'X-Wx-Openid': devOpenid() },
        success: (res) => {
          try {
            resolve(fileIdOf(res.statusCode, res.data));
          } catch (err) {
            reject(err);
          }
        },
        fail,
      });
    }
    if (onProgress && task && task.onProgressUpdate) task.onProgressUpdate((res) => onProgress(res.progress));
  });
}
