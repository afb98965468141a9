import type { FindingKind, FindingSeverity } from '../../../../typings/models';
import { getCase } from '../../../services/case/get-case';
import { reportFinding } from '../../../services/supervision/report-finding';
import { errorText } from '../../../utils/format';
import {
  type UploadItem, pickFiles, removeUpload, retryUpload, startUploads, uploadedFileIds,
} from '../../../utils/material-uploads';
import { evidenceError, uploadEvidence } from '../../utils/evidence-upload';
import { singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// A regulator reports a later finding of fraud on a decided case of their sector (R15); the policy section decides.

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('办件'),
    caseId: '',
    heading: '',
    subheading: '',
    kind: '' as FindingKind | '',
    kindError: '',
    severity: '' as FindingSeverity | '',
    severityError: '',
    description: '',
    descriptionError: '',
    evidence: [] as UploadItem[],
    evidenceError: '',
    busy: false,
    /** The report as filed: what the regulator sees once it is sent. */
    reported: null as { title: string; at: string } | null,
  },

  async load() {
    const c = await getCase({ caseId: this.data.caseId });
    return { heading: c.company.name, subheading: `${c.number} · ${c.matterName} · ${c.stateLabel}` };
  },

  onChoice(e: WechatMiniprogram.CustomEvent<{ kind?: FindingKind; severity?: FindingSeverity }>) {
    if (e.detail.kind) this.setData({ kind: e.detail.kind, kindError: '' });
    if (e.detail.severity) this.setData({ severity: e.detail.severity, severityError: '' });
  },

  onDescriptionInput(e: WechatMiniprogram.Input) {
    this.setData(this.data.descriptionError ? { description: e.detail.value, descriptionError: '' } : { description: e.detail.value });
  },

  async onAddEvidence() {
    const files = await pickFiles();
    if (files.length) {
      this.setData({ evidenceError: '' });
      await startUploads(this, 'evidence', files, { upload: uploadEvidence });
    }
  },

  onRemoveEvidence(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    removeUpload(this, 'evidence', e.detail.key);
  },

  onRetryEvidence(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
    retryUpload(this, 'evidence', e.detail.key, uploadEvidence);
  },

  async onSubmit() {
    if (this.data.busy) return;
    const { kind, severity, evidence } = this.data;
    const description = this.data.description.trim();
    const errors = {
      kindError: kind ? '' : '请选择问题类型',
      severityError: severity ? '' : '请选择严重程度',
      descriptionError: description.length >= 2 ? '' : '请写明发现的问题、时间和经过',
      evidenceError: evidenceError(evidence),
    };
    this.setData(errors);
    if (Object.values(errors).some(Boolean)) return;
    const { confirm } = await wx.showModal({
      title: '确认报告',
      content: `向政策法规科报告${this.data.heading}的失信问题，由其核实并作出处理决定。报告提交后不能修改。`,
      confirmText: '提交报告',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      const finding = await reportFinding({
        caseId: this.data.caseId,
        kind: kind as FindingKind,
        severity: severity as FindingSeverity,
        description,
        evidenceFileIds: uploadedFileIds(evidence),
      });
      this.setData({ reported: { title: `${finding.kindLabel}（${finding.severityLabel}）`, at: finding.caseNumber } });
    } catch (err) {
      wx.showModal({ title: '未能提交', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
    this.setData({ busy: false });
  },

  onBack() {
    wx.navigateBack({ delta: 1 });
  },
});
