import { type FakeWx, fail } from './fake-wx';

// CloudBase storage as the Mini Program meets it in the cloud, under this project's storage rules (the platform's
// `read: false`, and writes `resource.openid == auth.openid`, which the project keeps to `uploads/<own openid>/`):
// - wx.cloud.downloadFile is refused: no client reads a file by its fileID;
// - wx.cloud.uploadFile writes only under the caller's own folder, judged after normalising the path;
// - wx.downloadFile opens only a temporary URL the api handed out (getTempFileURL), until its maxAge runs out.
// The page runs in cloud mode (a release build), so it must take the same road as on a phone.

export interface CloudStorage {
  /** What the api's getTempFileURL hands out for a stored file: a link that opens it for `maxAge` seconds. */
  tempUrl(fileId: string, maxAge: number): string;
  /** Stores a file as the functions would (owner: none). */
  put(fileId: string): void;
  /** Moves the storage's clock on, so links expire. */
  advance(seconds: number): void;
  /** fileIDs the Mini Program uploaded. */
  uploaded: string[];
}

const BUCKET = 'cloud://rvi-prod.7276-rvi-prod-1300000000';

const normalise = (path: string): string | null => {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
};

export function installCloudStorage(fake: FakeWx, openid: string): CloudStorage {
  let now = 0;
  const files = new Map<string, { owner: string | null }>();
  const links = new Map<string, { fileId: string; expiresAt: number }>();
  const uploaded: string[] = [];

  fake.wx.getAccountInfoSync = () => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'release', version: '1.0.0' } });
  fake.answer('cloud.downloadFile', () => fail('cloud.downloadFile:fail -403003 permission denied by storage rules'));
  fake.answer('downloadFile', (options: { url: string }) => {
    const link = links.get(options.url);
    if (!link || !files.has(link.fileId)) return { statusCode: 403, tempFilePath: '' };
    if (link.expiresAt <= now) return { statusCode: 403, tempFilePath: '' };
    return { statusCode: 200, tempFilePath: `wxfile://tmp/${link.fileId.slice(link.fileId.lastIndexOf('/') + 1)}` };
  });
  fake.wx.cloud.uploadFile = (options: Record<string, any>) => {
    const path = normalise(String(options.cloudPath));
    const fileId = `${BUCKET}/${path}`;
    const existing = files.get(fileId);
    const allowed = !!path && path.startsWith(`uploads/${openid}/`) && (!existing || existing.owner === openid);
    if (allowed) {
      files.set(fileId, { owner: openid });
      uploaded.push(fileId);
    }
    Promise.resolve().then(() => {
      if (allowed) options.success?.({ errMsg: 'cloud.uploadFile:ok', fileID: fileId, statusCode: 200 });
      else options.fail?.({ errMsg: 'cloud.uploadFile:fail -403003 permission denied by storage rules' });
    });
    return { onProgressUpdate: () => undefined, abort: () => undefined };
  };

  return {
    tempUrl(fileId, maxAge) {
      const url = `https://7276-rvi-prod-1300000000.tcb.qcloud.la/${fileId.slice(BUCKET.length + 1)}?sign=${links.size + 1}&t=${now + maxAge}`;
      links.set(url, { fileId, expiresAt: now + maxAge });
      return url;
    },
    put: (fileId) => void files.set(fileId, { owner: null }),
    advance: (seconds) => void (now += seconds),
    uploaded,
  };
}

export const cloudFileId = (path: string): string => `${BUCKET}/${path}`;
