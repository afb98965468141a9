import { asSingleLoad, singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';
import type { InspectionView } from '../../../typings/models';
import { getInspection } from '../../services/inspection/get-inspection';
import { requestReinspection } from '../../services/inspection/request-reinspection';
import { submitRectificationProof } from '../../services/inspection/submit-rectification-proof';
import { uploadOwnFile } from '../../services/upload/upload-own-file';
import { errorCode, errorText } from '../../utils/format';
import { type RectificationSummary, latestDecision, toRectificationSummary } from '../../utils/inspection-view';
import { type UploadItem, type Uploader, pickFiles, removeUpload, retryUpload, startUploads, uploadedFileIds, uploadsError } from '../../utils/material-uploads';

// Rectification (R14): the applicant proves each item with files before the deadline, then applies for the
// re-inspection, which re-checks the failed items.

const uploadProof: Uploader = (item, onProgress) => uploadOwnFile('proof', item, onProgress);

/** The page's data for the case as the server shows it: loaded, or after proof or a request; no item open. */
const shown = (v: InspectionView) => ({
  version: v.version,
  number: v.number,
  opinion: latestDecision(v)?.opinion ?? '',
  rectification: v.rectification ? toRectificationSummary(v.rectification) : null,
  canProve: v.can.includes('submitRectificationProof') && !v.rectification?.overdue,
  canRequest: v.can.includes('requestReinspection'),
  itemId: '',
  files: [] as UploadItem[],
  note: '',
});

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('整改信息'),
    caseId: '',
    version: 0,
    number: '',
    opinion: '',
    rectification: null as RectificationSummary | null,
    canProve: false,
    canRequest: false,
    /** The item whose proof is being added. */
    itemId: '',
    files: [] as UploadItem[],
    filesError: '',
    note: '',
    busy: false,
  },

  async load() {
    return shown(await getInspection({ caseId: this.data.caseId }));
  },

  onOpenItem(e: WechatMiniprogram.TouchEvent) {
    this.setData({ itemId: e.currentTarget.dataset.id as string, files: [], filesError: '', note: '' });
  },

  onCloseItem() {
    this.setData({ itemId: '' });
  },

  async onAddFiles() {
    const files = await pickFiles();
    if (this.data.filesError) this.setData({ filesError: '' });
    await startUploads(this, 'files', files, { upload: uploadProof });
  },

  onRetryFile(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    retryUpload(this, 'files', e.detail.key, uploadProof);
  },

  onRemoveFile(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    removeUpload(this, 'files', e.detail.key);
  },

  onNoteInput(e: WechatMiniprogram.Input) {
    this.setData({ note: e.detail.value });
  },

  async onSubmitProof() {
    if (this.data.busy) return;
    const filesError = uploadsError(this.data.files).replace('申请材料', '整改材料');
    if (filesError) {
      this.setData({ filesError });
      return;
    }
    const note = this.data.note.trim();
    this.setData({ busy: true });
    try {
      this.setData(shown(await submitRectificationProof({ caseId: this.data.caseId, itemId: this.data.itemId, fileIds: uploadedFileIds(this.data.files), ...(note ? { note } : {}) })));
      wx.showToast({ title: '整改材料已提交', icon: 'success' });
    } catch (err) {
      this.setData({ filesError: errorText(err, '提交失败，请重试') });
    }
    this.setData({ busy: false });
  },

  async onRequest() {
    if (this.data.busy) return;
    if (!this.data.rectification?.allProven) {
      wx.showModal({ title: '还有整改事项未提交材料', content: '请为每一项整改事项上传整改材料后，再申请复查。', showCancel: false, confirmText: '知道了' });
      return;
    }
    const { confirm } = await wx.showModal({ title: '申请复查？', content: '提交后经办人将安排复查时间，复查只核查整改事项。', confirmText: '申请复查', cancelText: '再想想' });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      this.setData(shown(await requestReinspection({ caseId: this.data.caseId, version: this.data.version })));
      wx.showToast({ title: '已申请复查', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能申请复查', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },
});
