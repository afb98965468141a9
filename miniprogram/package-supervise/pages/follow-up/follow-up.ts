import type { FindingKind, FindingSeverity, FollowUpView } from '../../../../typings/models';
import type { FollowUpOutcomeInput } from '../../../../typings/api/supervision';
import { openFile } from '../../../services/file/open-file';
import { listFollowUps } from '../../../services/supervision/list-follow-ups';
import { recordFollowUpOutcome } from '../../../services/supervision/record-follow-up-outcome';
import { PROVISIONAL_DATE_NOTE, formatChinaDate, formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText, formatSize } from '../../../utils/format';
import {
  type UploadItem, pickFiles, removeUpload, retryUpload, startUploads, uploadedFileIds,
} from '../../../utils/material-uploads';
import { evidenceError, uploadEvidence } from '../../utils/evidence-upload';
import { findInPages } from '../../utils/find-in-pages';
import { monthLabel } from '../../utils/months';
import { pageParam } from '../../../utils/page-query';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// One follow-up visit 监督回访 of a drawn case: where to go and by when, then what was found there.

type Result = '' | 'consistent' | 'finding';

function outcomeData(f: FollowUpView) {
  const o = f.outcome;
  if (!o) return null;
  return {
    result: o.result,
    title: o.result === 'consistent' ? '与申报一致' : `发现问题：${o.findingKindLabel ?? ''}（${o.severityLabel ?? ''}）`,
    note: o.note,
    byline: `${o.recordedByName} · ${formatChinaTime(o.recordedAt)}`,
    evidence: o.evidence.map((m) => ({ fileId: m.fileId, name: m.name, sizeText: formatSize(m.size) })),
    findingId: o.findingId ?? '',
  };
}

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('回访任务'),
    id: '',
    month: '',
    version: 0,
    caseId: '',
    facts: [] as Array<{ label: string; value: string }>,
    statusLabel: '',
    overdue: false,
    outcome: null as ReturnType<typeof outcomeData>,
    result: '' as Result,
    resultError: '',
    kind: '' as FindingKind | '',
    kindError: '',
    severity: '' as FindingSeverity | '',
    severityError: '',
    note: '',
    noteError: '',
    evidence: [] as UploadItem[],
    evidenceError: '',
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ id: pageParam(query, 'id'), month: pageParam(query, 'month') });
    asSingleLoad(this).reload();
  },

  async load() {
    const { id, month } = this.data;
    return this.shown(await findInPages((offset, limit) => listFollowUps(month ? { offset, limit, month } : { offset, limit }), (v) => v.id === id));
  },

  /** The page's data for the follow-up as the server shows it: loaded, or recorded. */
  shown(f: FollowUpView) {
    return {
      version: f.version,
      caseId: f.caseId,
      statusLabel: f.statusLabel,
      overdue: f.overdue && f.status === 'open',
      facts: [
        { label: '办件编号', value: f.caseNumber },
        { label: '申请事项', value: f.matterName },
        { label: '企业名称', value: f.companyName },
        { label: '经营场所', value: f.premisesAddress },
        { label: '抽查月份', value: monthLabel(f.month) },
        { label: '回访期限', value: `${formatChinaDate(f.dueAt)} 前${f.dueProvisional ? `（${PROVISIONAL_DATE_NOTE}）` : ''}` },
      ],
      outcome: outcomeData(f),
    };
  },

  onOpenCase() {
    wx.navigateTo({ url: `/pages/case-detail/case-detail?id=${encodeURIComponent(this.data.caseId)}` });
  },

  onResult(e: WechatMiniprogram.TouchEvent) {
    this.setData({ result: e.currentTarget.dataset.value as Result, resultError: '' });
  },

  onChoice(e: WechatMiniprogram.CustomEvent<{ kind?: FindingKind; severity?: FindingSeverity }>) {
    if (e.detail.kind) this.setData({ kind: e.detail.kind, kindError: '' });
    if (e.detail.severity) this.setData({ severity: e.detail.severity, severityError: '' });
  },

  onNoteInput(e: WechatMiniprogram.Input) {
    this.setData(this.data.noteError ? { note: e.detail.value, noteError: '' } : { note: e.detail.value });
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

  async onOpenEvidence(e: WechatMiniprogram.TouchEvent) {
    const { id, name } = e.currentTarget.dataset as { id: string; name: string };
    try {
      await openFile(this.data.caseId, id, name);
    } catch (err) {
      wx.showToast({ title: errorText(err, '无法打开此文件'), icon: 'none' });
    }
  },

  /** The outcome as the cloud takes it, or null after marking what is missing. */
  input(): FollowUpOutcomeInput | null {
    const { result, kind, severity, evidence, id, version } = this.data;
    const note = this.data.note.trim();
    const errors = {
      resultError: result ? '' : '请选择回访结果',
      kindError: result === 'finding' && !kind ? '请选择问题类型' : '',
      severityError: result === 'finding' && !severity ? '请选择严重程度' : '',
      noteError: note ? '' : result === 'finding' ? '请写明发现的问题' : '请简要记录回访情况',
      evidenceError: evidenceError(evidence),
    };
    this.setData(errors);
    if (Object.values(errors).some(Boolean)) return null;
    const common = { followUpId: id, version, note, evidenceFileIds: uploadedFileIds(evidence) };
    return result === 'finding'
      ? { ...common, result, findingKind: kind as FindingKind, severity: severity as FindingSeverity }
      : { ...common, result: 'consistent' };
  },

  async onSubmit() {
    if (this.data.busy) return;
    const input = this.input();
    if (!input) return;
    const { confirm } = await wx.showModal({
      title: '确认登记回访结果',
      content: input.result === 'finding'
        ? '登记为“发现问题”后，将提交政策法规科作出信用惩戒决定。回访结果登记后不能修改。'
        : '登记为“与申报一致”。回访结果登记后不能修改。',
      confirmText: '登记',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      const f = await recordFollowUpOutcome(input);
      this.setData(this.shown(f));
      wx.showToast({ title: '已登记', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能登记', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT' || errorCode(err) === 'INVALID_STATE') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },

  onOpenFinding() {
    const id = this.data.outcome?.findingId;
    if (id) wx.navigateTo({ url: `/package-supervise/pages/finding/finding?id=${encodeURIComponent(id)}` });
  },
});
