import { uploadMaterial } from '../services/material/upload-material';
import type { OnProgress } from '../services/upload/upload';
import { errorText, formatSize } from './format';

// The files being uploaded from a page: a list in the page's data under one key, one row per file, its
// progress updated by path so a progress tick sends one number, not the list. Application materials by default;
// evidence and rectification proof pass their own uploader.

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  sizeText: string;
  path: string;
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  error: string;
  fileId: string;
}

export interface PickedFile {
  path: string;
  name: string;
  size: number;
}

interface Host {
  data: Record<string, any>;
  setData(data: Record<string, unknown>): void;
}

/** Uploads one row's file and answers its fileID. */
export type Uploader = (file: UploadItem, onProgress: OnProgress) => Promise<string>;

const MAX_BYTES = 20 * 1024 * 1024;
const EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'xls', 'xlsx'];
let seq = 0;

const cancelled = (err: unknown) => /cancel/i.test((err as { errMsg?: string } | null)?.errMsg ?? '');

/** Lets the user pick files from a chat or photos from the album / camera; [] when they cancel. */
export async function pickFiles(): Promise<PickedFile[]> {
  try {
    const { tapIndex } = await wx.showActionSheet({ itemList: ['从微信聊天中选择文件', '拍照或从相册选择'] });
    if (tapIndex === 0) {
      // https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMessageFile.html
      const res = await wx.chooseMessageFile({ count: 9, type: 'file', extension: EXTENSIONS });
      return res.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }));
    }
    const res = await wx.chooseMedia({ count: 9, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return res.tempFiles.map((f, i) => {
      const ext = (/\.(\w+)$/.exec(f.tempFilePath)?.[1] ?? 'jpg').toLowerCase();
      return { path: f.tempFilePath, name: `照片${i + 1}.${ext}`, size: f.size };
    });
  } catch (err) {
    if (!cancelled(err)) wx.showToast({ title: '未能选择文件，请重试', icon: 'none' });
    return [];
  }
}

const indexOf = (host: Host, listKey: string, key: string): number =>
  (host.data[listKey] as UploadItem[]).findIndex((item) => item.key === key);

/** Uploads one row (new or retried), reporting progress into the row. */
async function run(host: Host, listKey: string, item: UploadItem, upload: Uploader): Promise<void> {
  let shown = 0;
  const patch = (fields: Partial<UploadItem>) => {
    const i = indexOf(host, listKey, item.key);
    if (i < 0) return; // removed meanwhile
    const data: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) data[`${listKey}[${i}].${name}`] = value;
    host.setData(data);
  };
  try {
    const fileId = await upload(item, (percent) => {
      // Ticks of less than 5% are not worth a render.
      if (percent - shown >= 5 || (percent === 100 && shown !== 100)) {
        shown = percent;
        patch({ progress: percent });
      }
    });
    patch({ status: 'done', progress: 100, fileId, error: '' });
  } catch (err) {
    patch({ status: 'failed', error: errorText(err, '上传失败，请重试') });
  }
}

/** Adds the picked files to the list and uploads them side by side. */
export async function startUploads(
  host: Host, listKey: string, files: PickedFile[], { upload = uploadMaterial, maxBytes = MAX_BYTES }: { upload?: Uploader; maxBytes?: number } = {},
): Promise<void> {
  const tooBig = files.filter((f) => f.size > maxBytes);
  if (tooBig.length) wx.showToast({ title: `${tooBig[0]!.name} 超过${formatSize(maxBytes).replace(/\.0 | /g, '')}，请压缩后再传`, icon: 'none' });
  const list = host.data[listKey] as UploadItem[];
  const items: UploadItem[] = files
    .filter((f) => f.size <= maxBytes)
    .map((f) => ({
      key: `u${++seq}`,
      name: f.name,
      size: f.size,
      sizeText: formatSize(f.size),
      path: f.path,
      progress: 0,
      status: 'uploading',
      error: '',
      fileId: '',
    }));
  if (!items.length) return;
  const append: Record<string, unknown> = {};
  items.forEach((item, i) => {
    append[`${listKey}[${list.length + i}]`] = item;
  });
  host.setData(append);
  await Promise.all(items.map((item) => run(host, listKey, item, upload)));
}

/** Uploads a failed row again, with the uploader it was started with. */
export async function retryUpload(host: Host, listKey: string, key: string, upload: Uploader = uploadMaterial): Promise<void> {
  const i = indexOf(host, listKey, key);
  const item = (host.data[listKey] as UploadItem[])[i];
  if (!item || item.status !== 'failed') return;
  host.setData({ [`${listKey}[${i}].status`]: 'uploading', [`${listKey}[${i}].progress`]: 0, [`${listKey}[${i}].error`]: '' });
  await run(host, listKey, item, upload);
}

export function removeUpload(host: Host, listKey: string, key: string): void {
  host.setData({ [listKey]: (host.data[listKey] as UploadItem[]).filter((item) => item.key !== key) });
}

const MAX_FILES = 30;

/** '' when every row is uploaded (and, if `required`, there is at least one); else what is wrong. */
export function uploadsError(items: UploadItem[], required = true): string {
  if (items.some((item) => item.status === 'uploading')) return '材料正在上传，请稍候';
  if (items.some((item) => item.status === 'failed')) return '有材料上传失败，请重试或删除';
  if (items.length > MAX_FILES) return `一次最多提交${MAX_FILES}份材料`;
  return items.length || !required ? '' : '请至少上传一份申请材料';
}

export const uploadedFileIds = (items: UploadItem[]): string[] => items.filter((i) => i.status === 'done').map((i) => i.fileId);
