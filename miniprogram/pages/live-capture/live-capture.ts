import { singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';
import type { DeviceLocation } from '../../../typings/models';
import { addEvidence } from '../../services/inspection/add-evidence';
import { getInspection } from '../../services/inspection/get-inspection';
import { fileSize } from '../../services/upload/file-size';
import { hashFile } from '../../services/upload/hash-file';
import { uploadOwnFile } from '../../services/upload/upload-own-file';
import { MODE_LABELS, errorText } from '../../utils/format';
import { locate } from '../../utils/location';
import { type UploadItem, type Uploader, removeUpload, retryUpload, startUploads } from '../../utils/material-uploads';
import { stampLines, stampPhoto } from '../../utils/photo-stamp';

// Live photos at the premises (R4, R13): the camera only, never the album, so the capture time and place can be
// trusted; both are stamped on the picture and declared to the cloud, which chains the file to the case's evidence.

interface Capture {
  capturedAt: string;
  location: DeviceLocation;
  /** SHA-256 of the stamped photo, computed on the phone at capture; the cloud's own hash must match it. */
  sha256: string;
}

/** Kept on the instance: what each stamped file declares, and files uploaded but not yet chained (a retry skips the upload). */
interface Captures {
  byPath: Map<string, Capture>;
  uploaded: Map<string, string>;
  seqs: Map<string, number>;
}

const capturesOf = (self: unknown): Captures => {
  const host = self as { captures?: Captures };
  host.captures ??= { byPath: new Map(), uploaded: new Map(), seqs: new Map() };
  return host.captures;
};

const cancelled = (err: unknown) => /cancel/i.test((err as { errMsg?: string } | null)?.errMsg ?? '');
const compact = (iso: string) => iso.replace(/\D/g, '').slice(0, 14);

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('办件'),
    caseId: '',
    number: '',
    canCapture: false,
    modeName: '远程视频踏勘',
    onsite: false,
    busy: false,
    uploads: [] as UploadItem[],
    taken: [] as Array<{ path: string; text: string }>,
  },

  async load() {
    const v = await getInspection({ caseId: this.data.caseId });
    return { number: v.number, modeName: MODE_LABELS[v.mode], onsite: v.mode === 'onsite', canCapture: v.can.includes('addEvidence') };
  },

  /** Uploads the stamped photo once, then chains it as a live photo with its declared time and place. */
  uploader(): Uploader {
    const { byPath, uploaded, seqs } = capturesOf(this);
    return async (item, onProgress) => {
      const capture = byPath.get(item.path)!;
      const fileId = uploaded.get(item.key) ?? (await uploadOwnFile('evidence', item, onProgress));
      uploaded.set(item.key, fileId);
      const evidence = await addEvidence({
        caseId: this.data.caseId, fileId, kind: 'live-photo', capturedAt: capture.capturedAt, location: capture.location, clientSha256: capture.sha256,
      });
      // A photo is small enough to be hashed before the answer; a file still 校验中 joins the chain shortly.
      if (!('verifying' in evidence)) seqs.set(item.key, evidence.seq);
      return fileId;
    };
  },

  /** Photos in the chain leave the upload list for the list of photos taken. */
  moveDone() {
    const { seqs } = capturesOf(this);
    const done = this.data.uploads.filter((u) => u.status === 'done');
    if (!done.length) return;
    this.setData({
      uploads: this.data.uploads.filter((u) => u.status !== 'done'),
      taken: [...done.map((u) => ({ path: u.path, text: seqs.has(u.key) ? `已加入证据（第 ${seqs.get(u.key)} 条）` : '已上传，校验中' })), ...this.data.taken],
    });
  },

  async onCapture() {
    if (this.data.busy) return;
    let photo: string;
    try {
      // https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html — camera only: an album
      // picture's time and place cannot be vouched for.
      const res = await wx.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera'], sizeType: ['compressed'], camera: 'back' });
      photo = res.tempFiles[0]!.tempFilePath;
    } catch (err) {
      if (!cancelled(err)) wx.showToast({ title: '无法打开相机，请重试', icon: 'none' });
      return;
    }
    const capturedAt = new Date().toISOString();
    this.setData({ busy: true });
    const location = await locate();
    if (!location) {
      this.setData({ busy: false });
      return;
    }
    let file: { path: string; name: string; size: number };
    let sha256: string;
    wx.showLoading({ title: '正在加盖时间地点', mask: true });
    try {
      const path = await stampPhoto(photo, stampLines(this.data.number, capturedAt, location, this.data.modeName));
      file = { path, name: `现场照片-${this.data.number}-${compact(capturedAt)}.jpg`, size: await fileSize(path, '照片读取失败，请重新拍摄') };
      sha256 = await hashFile(path, file.size);
    } catch (err) {
      wx.hideLoading();
      this.setData({ busy: false });
      wx.showModal({ title: '照片未能处理', content: errorText(err, '请重新拍摄'), showCancel: false, confirmText: '知道了' });
      return;
    }
    wx.hideLoading();
    capturesOf(this).byPath.set(file.path, { capturedAt, location, sha256 });
    this.setData({ busy: false });
    await startUploads(this, 'uploads', [file], { upload: this.uploader() });
    this.moveDone();
  },

  async onRetryUpload(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    await retryUpload(this, 'uploads', e.detail.key, this.uploader());
    this.moveDone();
  },

  onRemoveUpload(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    removeUpload(this, 'uploads', e.detail.key);
  },

  onPreview(e: WechatMiniprogram.TouchEvent) {
    const path = e.currentTarget.dataset.path as string;
    wx.previewImage({ urls: this.data.taken.map((t) => t.path), current: path });
  },
});
