import type { CaseView } from '../../../typings/models';
import { asCaseLoader, caseLoader, caseLoaderData } from '../../behaviors/case-loader/case-loader';
import { getCase } from '../../services/case/get-case';
import { listFileAccess } from '../../services/case/list-file-access';
import { openDocument } from '../../services/file/open-document';
import { getArchive } from '../../services/inspection/get-archive';
import { resubmitCase } from '../../services/case/resubmit-case';
import { withdrawCase } from '../../services/case/withdraw-case';
import { getInspection } from '../../services/inspection/get-inspection';
import { type CaseStep, applicantSteps } from '../../utils/case-steps';
import { type CaseDetail, toCaseDetail } from '../../utils/case-view';
import { errorCode, errorText } from '../../utils/format';
import { type DecisionSummary, type RectificationSummary, latestDecision, toRectificationSummary } from '../../utils/inspection-view';
import { type AccessRow, toAccessRows } from '../../utils/file-access';
import { type UploadItem, pickFiles, removeUpload, retryUpload, startUploads, uploadedFileIds, uploadsError } from '../../utils/material-uploads';

type Panel = '' | 'withdraw' | 'resubmit';

/** States with an inspection decision to show (R14). */
const DECIDED = ['rectifying', 'passed', 'failed', 'archived'];

interface InspectionResult {
  decision: DecisionSummary | null;
  rectification: RectificationSummary | null;
  ratingText: string;
}

Page({
  behaviors: [caseLoader],
  data: {
    ...caseLoaderData(),
    version: 0,
    view: null as CaseDetail | null,
    steps: [] as CaseStep[],
    canWithdraw: false,
    canResubmit: false,
    canOpenArchive: false,
    openingArchive: false,
    panel: '' as Panel,
    reason: '',
    reasonError: '',
    note: '',
    materials: [] as UploadItem[],
    materialsError: '',
    busy: false,
    result: null as InspectionResult | null,
    resultError: '',
    /** Who opened the applicant's materials and recordings (R13); null when the caller may not see it. */
    access: null as AccessRow[] | null,
    /** 长辈模式 (data.elder, from the elderMode behavior) shows the details only when asked. */
    elder: false,
    showDetails: false,
  },

  fetchCase() {
    return getCase({ caseId: this.data.caseId });
  },

  async showCase(c: CaseView) {
    this.show(c);
    await Promise.all([DECIDED.includes(c.state) ? this.loadResult() : null, this.loadAccess()]);
  },

  /** The access log; the case shows without it for those who may not see it (a contact, an observer). */
  async loadAccess() {
    try {
      this.setData({ access: toAccessRows(await listFileAccess({ caseId: this.data.caseId })) });
    } catch {
      this.setData({ access: null });
    }
  },

  /** The decision, the rectification asked for and the rating; the case shows without them if they fail. */
  async loadResult() {
    try {
      const v = await getInspection({ caseId: this.data.caseId });
      this.setData({
        result: {
          decision: latestDecision(v),
          rectification: v.rectification && v.state === 'rectifying' ? toRectificationSummary(v.rectification) : null,
          ratingText: v.rating ? `您的评价：${v.rating.score} 分${v.rating.suggestions ? `，${v.rating.suggestions}` : ''}` : '',
        },
        resultError: '',
      });
    } catch (err) {
      this.setData({ resultError: errorText(err, '踏勘结果加载失败，轻触重试') });
    }
  },

  show(c: CaseView) {
    this.setData({
      version: c.version,
      view: toCaseDetail(c),
      steps: applicantSteps(c),
      canWithdraw: c.can.includes('withdrawCase'),
      canResubmit: c.can.includes('resubmitCase'),
      canOpenArchive: c.can.includes('getArchive'),
      panel: '',
    });
  },

  /** The inspection archive of the applicant's own case, with the signed forms at its end (R13). */
  async onOpenArchive() {
    if (this.data.openingArchive) return;
    this.setData({ openingArchive: true });
    try {
      await openDocument((await getArchive({ caseId: this.data.caseId })).downloadUrl);
    } catch (err) {
      wx.showToast({ title: errorText(err, '档案打开失败，请重试'), icon: 'none' });
    }
    this.setData({ openingArchive: false });
  },

  onShowDetails() {
    this.setData({ showDetails: true });
  },

  onStep(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: e.currentTarget.dataset.url as string });
  },

  onOpenPanel(e: WechatMiniprogram.TouchEvent) {
    const panel = e.currentTarget.dataset.panel as Panel;
    // The materials already sent stay with the case; a resubmission adds to them.
    this.setData({ panel, reason: '', reasonError: '', note: '', materialsError: '', materials: [] });
  },

  onClosePanel() {
    this.setData({ panel: '' });
  },

  onReasonInput(e: WechatMiniprogram.Input) {
    this.setData(this.data.reasonError ? { reason: e.detail.value, reasonError: '' } : { reason: e.detail.value });
  },

  onNoteInput(e: WechatMiniprogram.Input) {
    this.setData({ note: e.detail.value });
  },

  async onAddMaterial() {
    const files = await pickFiles();
    if (this.data.materialsError) this.setData({ materialsError: '' });
    await startUploads(this, 'materials', files);
  },

  onRemoveMaterial(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    removeUpload(this, 'materials', e.detail.key);
  },

  onRetryMaterial(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    retryUpload(this, 'materials', e.detail.key);
  },

  async confirm(title: string, content: string, confirmText: string): Promise<boolean> {
    const res = await wx.showModal({ title, content, confirmText, cancelText: '再想想' });
    return res.confirm;
  },

  /** Runs a change of the case, showing the server's refusal; a stale version reloads the case. */
  async act(run: () => Promise<CaseView>, done: string) {
    this.setData({ busy: true });
    try {
      this.show(await run());
      wx.showToast({ title: done, icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能完成', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT') asCaseLoader(this).loadCase();
    }
    this.setData({ busy: false });
  },

  async onWithdraw() {
    const reason = this.data.reason.trim();
    if (reason.length < 2) {
      this.setData({ reasonError: '请写明撤回的原因' });
      return;
    }
    if (!(await this.confirm('确认撤回申请？', '撤回后本次申请终止，如需办理须重新申请。', '撤回'))) return;
    await this.act(() => withdrawCase({ caseId: this.data.caseId, version: this.data.version, reason }), '已撤回');
  },

  async onResubmit() {
    const note = this.data.note.trim();
    const materialsError = uploadsError(this.data.materials, false) || (this.data.materials.length || note ? '' : '请上传补正的材料，或填写补正说明');
    if (materialsError) {
      this.setData({ materialsError });
      return;
    }
    if (!(await this.confirm('确认重新提交？', '请确认已按要求补正。', '提交'))) return;
    await this.act(
      () =>
        resubmitCase({
          caseId: this.data.caseId,
          version: this.data.version,
          materialFileIds: uploadedFileIds(this.data.materials),
          ...(note ? { note } : {}),
        }),
      '已重新提交',
    );
  },
});
