import type { CaseView, InspectionView } from '../../../../typings/models';
import { caseLoader, caseLoaderData } from '../../../behaviors/case-loader/case-loader';
import { getCase } from '../../../services/case/get-case';
import { openDocument } from '../../../services/file/open-document';
import { openFile } from '../../../services/file/open-file';
import { getArchive } from '../../../services/inspection/get-archive';
import { getInspection } from '../../../services/inspection/get-inspection';
import { formatChinaTime } from '../../../utils/china-time';
import { type CaseDetail, toCaseDetail } from '../../../utils/case-view';
import { errorText, formatSize } from '../../../utils/format';
import { type DecisionSummary, type EvidenceRow, toDecisionSummary, toEvidenceRow } from '../../../utils/inspection-view';

// A case pushed to the regulator's sector, read-only: the application, the inspection's decisions and evidence, the
// archive PDF; and the way to report a later finding of fraud (R15).

const archiveText = (v: InspectionView): string =>
  v.archive ? `${v.archive.fileName} · ${formatSize(v.archive.size)} · 生成于 ${formatChinaTime(v.archive.generatedAt)}` : '';

Page({
  behaviors: [caseLoader],
  data: {
    ...caseLoaderData(),
    view: null as CaseDetail | null,
    decisions: [] as DecisionSummary[],
    evidence: [] as EvidenceRow[],
    canArchive: false,
    archiveText: '',
    archiveSha: '',
    opening: false,
  },

  fetchCase() {
    const caseId = this.data.caseId;
    return Promise.all([getCase({ caseId }), getInspection({ caseId })]);
  },

  showCase([c, inspection]: [CaseView, InspectionView]) {
    this.setData({
      view: toCaseDetail(c),
      // Newest first, like the timeline.
      decisions: inspection.decisions.map(toDecisionSummary).reverse(),
      evidence: inspection.evidence.map(toEvidenceRow),
      canArchive: c.can.includes('getArchive'),
      archiveText: archiveText(inspection),
      archiveSha: inspection.archive?.sha256 ?? '',
    });
  },

  async onOpenArchive() {
    if (this.data.opening) return;
    this.setData({ opening: true });
    wx.showLoading({ title: '正在打开' });
    try {
      await openDocument(async () => (await getArchive({ caseId: this.data.caseId })).downloadUrl);
    } catch (err) {
      wx.showToast({ title: errorText(err, '归档文件打开失败，请重试'), icon: 'none' });
    }
    wx.hideLoading();
    this.setData({ opening: false });
  },

  onPreviewEvidence(e: WechatMiniprogram.TouchEvent) {
    const row = this.data.evidence.find((r) => r.seq === Number(e.currentTarget.dataset.seq));
    if (row) openFile(this.data.caseId, row.fileId, row.name).catch((err) => wx.showToast({ title: errorText(err, '无法打开此文件'), icon: 'none' }));
  },

  onReport() {
    wx.navigateTo({ url: `/package-supervise/pages/report-finding/report-finding?id=${encodeURIComponent(this.data.caseId)}` });
  },
});
