import { ApiError } from '../transport/transport';

/** A temporary link, or how to ask the server for one again (links expire after about ten minutes). */
export type LinkSource = string | (() => Promise<string>);

type Attempt = { path: string } | { status: number };

function attempt(url: string): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    // https://developers.weixin.qq.com/miniprogram/dev/api/network/download/wx.downloadFile.html
    wx.downloadFile({
      url,
      success: (res) => resolve(res.statusCode === 200 ? { path: res.tempFilePath } : { status: res.statusCode }),
      fail: () => reject(new ApiError('NETWORK', '文件下载失败，请重试')),
    });
  });
}

/**
 * 把服务端给出的临时链接下载为本地临时文件，返回其路径。A link refused as expired (403) is asked for again once,
 * when the caller said how; a page kept open past the link's lifetime then still opens the file.
 */
export async function downloadUrl(link: LinkSource): Promise<string> {
  const fresh = typeof link === 'string' ? null : link;
  let result = await attempt(typeof link === 'string' ? link : await link());
  if ('status' in result && result.status === 403 && fresh) result = await attempt(await fresh());
  if ('path' in result) return result.path;
  throw new ApiError('NETWORK', result.status === 403 ? '链接已失效，请重新打开' : '文件下载失败，请重试');
}
