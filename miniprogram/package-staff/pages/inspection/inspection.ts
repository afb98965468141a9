import type { ChecklistResult, InspectionItemView, InspectionView, PremisesCheckView, SessionCodeView, TimeSlot } from '../../../../typings/models';
import { addEvidence } from '../../../services/inspection/add-evidence';
import { attachMeetingRecording } from '../../../services/inspection/attach-meeting-recording';
import { openFile } from '../../../services/file/open-file';
import { getInspection } from '../../../services/inspection/get-inspection';
import { resumeInspection } from '../../../services/inspection/resume-inspection';
import { saveChecklistItem } from '../../../services/inspection/save-checklist-item';
import { startInspection } from '../../../services/inspection/start-inspection';
import { hashFile } from '../../../services/upload/hash-file';
import { locate } from '../../../utils/location';
import { uploadOwnFile } from '../../../services/upload/upload-own-file';
import { formatChinaSlot, formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText } from '../../../utils/format';
import { type EvidenceRow, toEvidenceRow } from '../../../utils/inspection-view';
import { type PickedFile, type UploadItem, type Uploader, removeUpload, retryUpload, startUploads } from '../../../utils/material-uploads';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// The handler's console beside the meeting (R12): start, read out the session code, check each item of the
// checklist (saved as it is tapped, one save per item at a time, a failed one retried), add evidence, end by
// deciding. Someone else's change to the case (the on-site phone's code, a live photo) shows on the next load.

type SaveState = '' | 'saving' | 'saved' | 'failed';

interface ItemRow {
  code: string;
  title: string;
  lookAt: string;
  conforming: string;
  result: ChecklistResult | '';
  note: string;
  /** Evidence linked, by seq: an object so the template can ask `linked[seq]`. */
  linked: Record<number, boolean>;
  revision: number;
  saveState: SaveState;
  saveError: string;
  /** A network failure is sent again once a later save gets through. */
  retryable: boolean;
  /** Earlier rounds' findings, shown beside the new one at a re-inspection (R14). */
  earlier: string[];
}

const RESULTS: Array<{ key: ChecklistResult; label: string }> = [
  { key: 'conforming', label: '符合' },
  { key: 'nonConforming', label: '不符合' },
  { key: 'notApplicable', label: '不适用' },
];

const seqsOf = (linked: Record<number, boolean>): number[] =>
  Object.keys(linked).map(Number).filter((seq) => linked[seq]).sort((a, b) => a - b);

function toItemRow(item: InspectionItemView, round: number): ItemRow {
  const current = item.findings.find((f) => f.round === round);
  const linked: Record<number, boolean> = {};
  for (const seq of current?.evidenceSeqs ?? []) linked[seq] = true;
  return {
    code: item.code,
    title: item.title,
    lookAt: item.lookAt,
    conforming: item.conforming,
    result: current?.result ?? '',
    note: current?.note ?? '',
    linked,
    revision: current?.revision ?? 0,
    saveState: current ? 'saved' : '',
    saveError: '',
    retryable: false,
    earlier: item.findings.filter((f) => f.round !== round).map((f) => `第 ${f.round} 轮：${f.resultLabel}${f.note ? ` · ${f.note}` : ''}`),
  };
}

const spaced = (code: string) => code.replace(/(\d{3})(?=\d)/g, '$1 ');

function toSession(s: SessionCodeView | undefined) {
  if (!s) return null;
  return {
    code: spaced(s.code),
    confirmed: !!s.confirmedAt,
    stateText: s.confirmedAt
      ? `现场已于 ${formatChinaTime(s.confirmedAt).slice(11)} 输入确认`
      : Date.now() > Date.parse(s.expiresAt)
        ? '会话码已过期，请点“通话中断后恢复”生成新的会话码'
        : `等待现场人员输入 · ${formatChinaTime(s.expiresAt).slice(11)} 前有效`,
  };
}

const toPremises = (p: PremisesCheckView | undefined, onsite: boolean) =>
  p
    ? {
      flagged: p.flagged,
      headline: p.flagged ? (onsite ? '您的位置与申报的经营场所不符，请核实' : '位置存疑，请视频核实') : '位置相符',
      note: p.note,
      byline: `${p.reportedByName} · ${formatChinaTime(p.checkedAt)} · 阈值 ${p.thresholdMeters} 米`,
    }
    : null;

/** Per-item save queue, kept on the instance: one save in flight per item, the newest value sent after it. */
interface Saves {
  inflight: Set<string>;
  again: Set<string>;
  /** Evidence files uploaded but not yet chained, by upload row: a retry chains them without uploading again. */
  uploaded: Map<string, string>;
  kinds: Map<string, 'screenshot' | 'recording'>;
  poll?: ReturnType<typeof setTimeout>;
}

const savesOf = (self: unknown): Saves => {
  const host = self as { saves?: Saves };
  host.saves ??= { inflight: new Set(), again: new Set(), uploaded: new Map(), kinds: new Map() };
  return host.saves;
};

/** While the on-site phone has not confirmed the code, the console looks again this often. */
const POLL_MS = 8000;
/** Starting more than this before the booked start, or after its end, asks first. */
const NEAR_BOOKING_MS = 30 * 60_000;

/** The sentence that opens the start prompt when now is far from the booked time, '' when near it. */
function awayFromBooking(booked: TimeSlot | null, now: number): string {
  if (!booked) return '';
  const start = Date.parse(booked.start);
  const end = Date.parse(booked.end);
  if (now >= start - NEAR_BOOKING_MS && now <= end) return '';
  return `预约的踏勘时间是 ${formatChinaSlot(booked.start, booked.end)}，${now < start ? '尚未到' : '已经过了'}预约时间。`;
}
const IMAGE_EXT = ['jpg', 'jpeg', 'png', 'webp', 'heic', 'gif', 'bmp'];
const RECORDING_EXT = ['mp4', 'mov', 'm4v', '3gp', 'avi', 'mkv', 'webm', 'm4a', 'mp3', 'aac', 'wav', 'amr'];
/** requestUpload's limit: a whole meeting's recording fits. */
const MAX_EVIDENCE_BYTES = 1024 * 1024 * 1024;
const extOf = (path: string) => (/\.(\w+)$/.exec(path)?.[1] ?? '').toLowerCase();
const cancelled = (err: unknown) => /cancel/i.test((err as { errMsg?: string } | null)?.errMsg ?? '');

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('踏勘记录'),
    caseId: '',
    booked: null as TimeSlot | null,
    version: 0,
    number: '',
    stateLabel: '',
    round: 0,
    canStart: false,
    onsite: false,
    inspecting: false,
    canResume: false,
    canDecide: false,
    canAddEvidence: false,
    canAttachRecording: false,
    session: null as ReturnType<typeof toSession>,
    premises: null as ReturnType<typeof toPremises>,
    resumptions: 0,
    results: RESULTS,
    items: [] as ItemRow[],
    doneCount: 0,
    evidence: [] as EvidenceRow[],
    /** Added files whose hash the cloud is still computing (校验中). */
    verifying: [] as { key: string; text: string }[],
    remarks: [] as Array<{ text: string; byline: string }>,
    editing: '',
    draftNote: '',
    draftLinked: {} as Record<number, boolean>,
    uploads: [] as UploadItem[],
    recordingPanel: false,
    recordFileId: '',
    recordError: '',
    busy: false,
  },

  onShow() {
    // Back from the decision or the evidence page.
    if (this.data.status === 'ready') asSingleLoad(this).reload();
  },

  onHide() {
    this.stopPolling();
  },

  onUnload() {
    this.stopPolling();
  },

  async load() {
    return this.shown(await getInspection({ caseId: this.data.caseId }));
  },

  /** The page's data for the inspection as the server shows it (loaded, or after an action); polls while the code is unconfirmed. */
  shown(v: InspectionView) {
    const saves = savesOf(this);
    const round = v.rounds[v.rounds.length - 1];
    // An item with a save on its way keeps what the officer tapped; the rest show the record.
    const kept = new Map(this.data.items.filter((i) => saves.inflight.has(i.code) || i.saveState === 'failed').map((i) => [i.code, i]));
    const items = v.items.filter((i) => i.inCurrentRound).map((i) => kept.get(i.code) ?? toItemRow(i, v.round));
    const session = toSession(v.sessionCode);
    this.stopPolling();
    if (session && !session.confirmed) saves.poll = setTimeout(() => asSingleLoad(this).reload(), POLL_MS);
    return {
      version: v.version,
      number: v.number,
      stateLabel: v.stateLabel,
      round: v.round,
      canStart: v.can.includes('startInspection'),
      onsite: v.mode === 'onsite',
      booked: v.booked ?? null,
      inspecting: v.state === 'inspecting',
      canResume: v.can.includes('resumeInspection'),
      canDecide: v.can.includes('decideInspection'),
      canAddEvidence: v.can.includes('addEvidence'),
      canAttachRecording: v.can.includes('attachMeetingRecording'),
      session,
      premises: toPremises(v.premisesCheck, v.mode === 'onsite'),
      resumptions: round?.resumptions.length ?? 0,
      items,
      doneCount: items.filter((i) => i.result).length,
      evidence: v.evidence.map(toEvidenceRow),
      verifying: v.evidenceVerifying.map((p) => ({ key: p.key, text: `${p.kindLabel}${p.fileName ? ` ${p.fileName}` : ''}：${p.statusLabel}${p.statusLabel === '校验中' ? `（${p.progress}%）` : ''}` })),
      remarks: (v.observerRemarks ?? []).map((m) => ({ text: m.text, byline: `${m.observerName} · ${formatChinaTime(m.at)}` })),
    };
  },

  stopPolling() {
    const saves = savesOf(this);
    if (saves.poll !== undefined) clearTimeout(saves.poll);
    saves.poll = undefined;
  },

  /** Start and resume name the case's version; a stale one reloads the record first. */
  async act(run: () => Promise<InspectionView>, done: string) {
    this.setData({ busy: true });
    try {
      this.setData(this.shown(await run()));
      wx.showToast({ title: done, icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能完成', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },

  async onStart() {
    if (this.data.busy) return;
    const away = awayFromBooking(this.data.booked, Date.now());
    // On site there is no session code: the officer's own position at the premises is the premises check.
    if (this.data.onsite) {
      const { confirm } = await wx.showModal({
        title: away ? '不在预约时间，仍要开始？' : '开始现场踏勘？',
        content: `${away}将核对您当前的位置是否在申报的经营场所，请在经营场所开始。`, confirmText: '开始', cancelText: '再想想',
      });
      if (!confirm) return;
      const location = await locate();
      if (location) await this.act(() => startInspection({ caseId: this.data.caseId, version: this.data.version, location }), '踏勘已开始');
      return;
    }
    const { confirm } = await wx.showModal({
      title: away ? '不在预约时间，仍要开始？' : '开始踏勘？',
      content: `${away}将生成一次性会话码，请在会议中向现场人员宣读，并请对方在小程序中输入后对准镜头展示。`,
      confirmText: '开始',
      cancelText: '再想想',
    });
    if (confirm) await this.act(() => startInspection({ caseId: this.data.caseId, version: this.data.version }), '踏勘已开始');
  },

  async onResume() {
    if (this.data.busy) return;
    const { confirm } = await wx.showModal({
      title: '通话中断后恢复？',
      content: '将记录一次中断并生成新的会话码，请重新宣读，并请现场人员再次输入。',
      confirmText: '恢复',
      cancelText: '取消',
    });
    if (confirm) await this.act(() => resumeInspection({ caseId: this.data.caseId, version: this.data.version }), '已恢复');
  },

  indexOf(code: string): number {
    return this.data.items.findIndex((i) => i.code === code);
  },

  onResult(e: WechatMiniprogram.TouchEvent) {
    const { code, result } = e.currentTarget.dataset as { code: string; result: ChecklistResult };
    const i = this.indexOf(code);
    if (i < 0 || !this.data.inspecting || this.data.items[i]!.result === result) return;
    const wasDone = !!this.data.items[i]!.result;
    this.setData({ [`items[${i}].result`]: result, ...(wasDone ? {} : { doneCount: this.data.doneCount + 1 }) });
    this.save(code);
  },

  /** Sends the item as it stands now; a change made meanwhile is sent when this save returns. */
  async save(code: string) {
    const saves = savesOf(this);
    if (saves.inflight.has(code)) {
      saves.again.add(code);
      return;
    }
    const i = this.indexOf(code);
    const row = this.data.items[i];
    if (!row || !row.result) return;
    saves.inflight.add(code);
    this.setData({ [`items[${i}].saveState`]: 'saving', [`items[${i}].saveError`]: '' });
    let succeeded = false;
    try {
      const saved = await saveChecklistItem({
        caseId: this.data.caseId,
        itemCode: code,
        result: row.result,
        ...(row.note ? { note: row.note } : {}),
        evidenceSeqs: seqsOf(row.linked),
        revision: row.revision,
      });
      succeeded = true;
      this.setData({ version: saved.caseVersion, [`items[${i}].revision`]: saved.finding.revision, [`items[${i}].saveState`]: 'saved' });
    } catch (err) {
      if (errorCode(err) === 'CONFLICT') {
        // Saved on another device meanwhile: show what is on record there.
        saves.again.delete(code);
        saves.inflight.delete(code);
        this.setData({ [`items[${i}].saveState`]: '' });
        wx.showModal({ title: '该项已在其他设备上修改', content: '已刷新为最新记录，请核对后再修改。', showCancel: false, confirmText: '知道了' });
        await asSingleLoad(this).reload();
        return;
      }
      this.setData({
        [`items[${i}].saveState`]: 'failed',
        [`items[${i}].saveError`]: errorText(err, '保存失败，请重试'),
        [`items[${i}].retryable`]: errorCode(err) === 'NETWORK',
      });
    }
    saves.inflight.delete(code);
    if (saves.again.delete(code)) await this.save(code);
    else if (succeeded) this.retryFailed();
  },

  /** The connection is back: send again what failed for want of it. */
  retryFailed() {
    for (const row of this.data.items) if (row.saveState === 'failed' && row.retryable) this.save(row.code);
  },

  onRetrySave(e: WechatMiniprogram.TouchEvent) {
    this.save(e.currentTarget.dataset.code as string);
  },

  onEdit(e: WechatMiniprogram.TouchEvent) {
    const row = this.data.items[this.indexOf(e.currentTarget.dataset.code as string)];
    if (!row) return;
    this.setData({ editing: row.code, draftNote: row.note, draftLinked: { ...row.linked } });
  },

  onNoteInput(e: WechatMiniprogram.Input) {
    this.setData({ draftNote: e.detail.value });
  },

  onToggleEvidence(e: WechatMiniprogram.TouchEvent) {
    const seq = Number(e.currentTarget.dataset.seq);
    this.setData({ [`draftLinked.${seq}`]: !this.data.draftLinked[seq] });
  },

  onEditCancel() {
    this.setData({ editing: '' });
  },

  onEditDone() {
    const code = this.data.editing;
    const i = this.indexOf(code);
    if (i < 0) return;
    this.setData({ editing: '', [`items[${i}].note`]: this.data.draftNote.trim(), [`items[${i}].linked`]: this.data.draftLinked });
    if (this.data.items[i]!.result) this.save(code);
    else wx.showToast({ title: '请再选择核查结果，选择后一并保存', icon: 'none' });
  },

  onGoDecide() {
    const unsaved = this.data.items.filter((i) => i.saveState !== 'saved').length;
    if (unsaved) {
      wx.showModal({ title: `还有 ${unsaved} 项未保存`, content: '请先填写并保存全部核查项，再作出踏勘决定。', showCancel: false, confirmText: '知道了' });
      return;
    }
    wx.navigateTo({ url: `/package-staff/pages/decision/decision?id=${encodeURIComponent(this.data.caseId)}` });
  },

  onGoEvidence() {
    wx.navigateTo({ url: `/package-staff/pages/evidence/evidence?id=${encodeURIComponent(this.data.caseId)}` });
  },

  onOpenEvidence(e: WechatMiniprogram.TouchEvent) {
    const row = this.data.evidence.find((r) => r.seq === Number(e.currentTarget.dataset.seq));
    if (row?.isImage) openFile(this.data.caseId, row.fileId, row.name).catch((err) => wx.showToast({ title: errorText(err, '无法打开此文件'), icon: 'none' }));
  },

  // ── Evidence: the handler's screenshots and recordings, from the album or a chat (marked so by the cloud) ──

  async pickEvidence(): Promise<PickedFile[]> {
    const kinds = savesOf(this).kinds;
    try {
      const { tapIndex } = await wx.showActionSheet({ itemList: ['从相册选择截图或录像', '从微信聊天选择文件'] });
      if (tapIndex === 0) {
        // https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html
        const res = await wx.chooseMedia({ count: 9, mediaType: ['image', 'video'], sourceType: ['album'], sizeType: ['original'] });
        return res.tempFiles.map((f, i) => {
          const video = f.fileType === 'video';
          kinds.set(f.tempFilePath, video ? 'recording' : 'screenshot');
          return { path: f.tempFilePath, name: `${video ? '录像' : '截图'}${i + 1}.${extOf(f.tempFilePath) || (video ? 'mp4' : 'jpg')}`, size: f.size };
        });
      }
      // https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMessageFile.html
      const res = await wx.chooseMessageFile({ count: 9, type: 'all' });
      const media = res.tempFiles.filter((f) => [...IMAGE_EXT, ...RECORDING_EXT].includes(extOf(f.name)));
      if (media.length < res.tempFiles.length) wx.showToast({ title: '只能添加图片、视频或录音文件', icon: 'none' });
      return media.map((f) => {
        kinds.set(f.path, RECORDING_EXT.includes(extOf(f.name)) ? 'recording' : 'screenshot');
        return { path: f.path, name: f.name, size: f.size };
      });
    } catch (err) {
      if (!cancelled(err)) wx.showToast({ title: '未能选择文件，请重试', icon: 'none' });
      return [];
    }
  },

  /** Uploads a file once, then chains it; a retry after a failed chaining does not upload it again. */
  evidenceUploader(): Uploader {
    const { uploaded, kinds } = savesOf(this);
    return async (item, onProgress) => {
      const kind = kinds.get(item.path) ?? 'screenshot';
      // A recording is hashed on the phone, chunk by chunk, so the cloud can prove it stored the very same bytes.
      const clientSha256 = kind === 'recording' ? await hashFile(item.path, item.size) : undefined;
      const fileId = uploaded.get(item.key) ?? (await uploadOwnFile('evidence', item, onProgress));
      uploaded.set(item.key, fileId);
      await addEvidence({ caseId: this.data.caseId, fileId, kind, ...(clientSha256 ? { clientSha256 } : {}) });
      return fileId;
    };
  },

  /** Chained files leave the upload list: the evidence list shows them, with their seq and hash. */
  async afterUploads() {
    await asSingleLoad(this).reload();
    this.setData({ uploads: this.data.uploads.filter((u) => u.status !== 'done') });
  },

  async onAddEvidence() {
    const files = await this.pickEvidence();
    if (!files.length) return;
    await startUploads(this, 'uploads', files, { upload: this.evidenceUploader(), maxBytes: MAX_EVIDENCE_BYTES });
    await this.afterUploads();
  },

  async onRetryUpload(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    await retryUpload(this, 'uploads', e.detail.key, this.evidenceUploader());
    await this.afterUploads();
  },

  onRemoveUpload(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    removeUpload(this, 'uploads', e.detail.key);
  },

  onOpenRecording() {
    this.setData({ recordingPanel: true, recordFileId: '', recordError: '' });
  },

  onCloseRecording() {
    this.setData({ recordingPanel: false });
  },

  onRecordInput(e: WechatMiniprogram.Input) {
    this.setData({ recordFileId: e.detail.value, recordError: '' });
  },

  async onAttachRecording() {
    const recordFileId = this.data.recordFileId.trim();
    if (!recordFileId) {
      this.setData({ recordError: '请填写腾讯会议云录制的录制文件ID' });
      return;
    }
    this.setData({ busy: true });
    try {
      await attachMeetingRecording({ caseId: this.data.caseId, recordFileId });
      this.setData({ recordingPanel: false });
      wx.showToast({ title: '已关联云录制', icon: 'success' });
      await asSingleLoad(this).reload();
    } catch (err) {
      this.setData({ recordError: errorText(err, '关联失败，请重试') });
    }
    this.setData({ busy: false });
  },
});
