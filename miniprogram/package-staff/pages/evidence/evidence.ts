import type { ArchiveSummary, EvidenceProblemCode, EvidenceVerification, InspectionView } from '../../../../typings/models';
import { openDocument } from '../../../services/file/open-document';
import { openFile } from '../../../services/file/open-file';
import { archiveCase } from '../../../services/inspection/archive-case';
import { getArchive } from '../../../services/inspection/get-archive';
import { getInspection } from '../../../services/inspection/get-inspection';
import { supersedeEvidence } from '../../../services/inspection/supersede-evidence';
import { verifyEvidence } from '../../../services/inspection/verify-evidence';
import { formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText, formatSize } from '../../../utils/format';
import { type EvidenceRow, toEvidenceRow } from '../../../utils/inspection-view';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// The case's evidence with each file's SHA-256 and the chain head; a verification that recomputes them all on the
// server (R13) and names what changed; the archive PDF to open and print.

const PROBLEM_LABELS: Record<EvidenceProblemCode, string> = {
  FILE_CHANGED: '文件被改动',
  FILE_MISSING: '文件缺失',
  ENTRY_CHANGED: '记录被改动',
  ENTRY_MISSING: '记录缺失',
  ORDER_CHANGED: '顺序被改动',
  HEAD_MISMATCH: '链头不一致',
};

const toVerification = (v: EvidenceVerification) => ({
  ok: v.ok,
  headline: v.ok ? `证据链完整：已核验 ${v.records} 条记录，未发现改动或缺失` : `发现 ${v.problems.length} 处问题`,
  checkedText: `核验时间 ${formatChinaTime(v.checkedAt, true)}`,
  head: v.head ? `链头：第 ${v.head.seq} 条 ${v.head.entryHash}` : '',
  problems: v.problems.map((p) => ({ label: `${PROBLEM_LABELS[p.code]}${p.seq ? `（第 ${p.seq} 条）` : ''}`, message: p.message })),
});

/** How long the page waits before asking again while a verification is 校验中. */
const VERIFY_POLL_MS = 3000;

const toArchive = (a: ArchiveSummary) => ({
  fileName: a.fileName,
  detail: `${formatChinaTime(a.generatedAt)} 生成 · ${formatSize(a.size)}`,
  sha256: a.sha256,
});

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('证据'),
    caseId: '',
    version: 0,
    number: '',
    evidence: [] as EvidenceRow[],
    chainHead: '',
    archive: null as ReturnType<typeof toArchive> | null,
    canOpenArchive: false,
    canArchive: false,
    /** The handler may mark a piece superseded, with the reason (nothing is deleted, R13). */
    canSupersede: false,
    verification: null as ReturnType<typeof toVerification> | null,
    verifyError: '',
    verifying: false,
    /** 校验中（n%） while large files are hashed. */
    verifyProgress: '',
    busy: false,
  },

  async load() {
    return this.shown(await getInspection({ caseId: this.data.caseId }));
  },

  /** The page's data for the inspection as the server shows it: loaded, or after superseding or archiving. */
  shown(v: InspectionView) {
    return {
      version: v.version,
      number: v.number,
      evidence: v.evidence.map(toEvidenceRow),
      chainHead: v.chainHead ? `第 ${v.chainHead.seq} 条 ${v.chainHead.entryHash}` : '',
      archive: v.archive ? toArchive(v.archive) : null,
      canOpenArchive: v.can.includes('getArchive'),
      canArchive: v.can.includes('archiveCase') && !v.archive,
      canSupersede: v.can.includes('supersedeEvidence'),
    };
  },

  /** Large files are hashed in steps across calls: while the answer is 校验中 the page asks again, showing the progress. */
  async onVerify() {
    if (this.data.verifying) return;
    this.setData({ verifying: true, verifyError: '', verifyProgress: '' });
    try {
      let answer = await verifyEvidence({ caseId: this.data.caseId });
      while ('verifying' in answer) {
        this.setData({ verifyProgress: `${answer.statusLabel}（${answer.progress}%）` });
        await new Promise((resolve) => setTimeout(resolve, VERIFY_POLL_MS));
        answer = await verifyEvidence({ caseId: this.data.caseId });
      }
      this.setData({ verification: toVerification(answer) });
    } catch (err) {
      this.setData({ verifyError: errorText(err, '核验失败，请重试') });
    }
    this.setData({ verifying: false, verifyProgress: '' });
  },

  async onSupersede(e: WechatMiniprogram.TouchEvent) {
    const seq = Number(e.currentTarget.dataset.seq);
    const { confirm, content } = await wx.showModal({
      title: `作废第 ${seq} 条证据`, editable: true, placeholderText: '作废原因，如：画面模糊，已重新拍摄', confirmText: '作废', cancelText: '取消',
    });
    const reason = (content ?? '').trim();
    if (!confirm) return;
    if (reason.length < 2) {
      wx.showToast({ title: '请写明作废原因', icon: 'none' });
      return;
    }
    try {
      this.setData(this.shown(await supersedeEvidence({ caseId: this.data.caseId, seq, reason })));
    } catch (err) {
      wx.showModal({ title: '未能作废', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
  },

  onOpenEvidence(e: WechatMiniprogram.TouchEvent) {
    const row = this.data.evidence.find((r) => r.seq === Number(e.currentTarget.dataset.seq));
    if (row?.isImage) openFile(this.data.caseId, row.fileId, row.name).catch((err) => wx.showToast({ title: errorText(err, '无法打开此文件'), icon: 'none' }));
  },

  async onOpenArchive() {
    if (this.data.busy) return;
    this.setData({ busy: true });
    wx.showLoading({ title: '正在打开' });
    try {
      await openDocument(async () => (await getArchive({ caseId: this.data.caseId })).downloadUrl);
      wx.hideLoading();
    } catch (err) {
      wx.hideLoading();
      wx.showToast({ title: errorText(err, '无法打开归档'), icon: 'none' });
    }
    this.setData({ busy: false });
  },

  /** The decision stands when its archive failed; this makes it (and the regulator push) again. */
  async onArchive() {
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      this.setData(this.shown(await archiveCase({ caseId: this.data.caseId, version: this.data.version })));
      wx.showToast({ title: '归档已生成', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能生成归档', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },
});
