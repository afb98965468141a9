import type { DecisionOutcome, InspectionView } from '../../../../typings/models';
import { uploadSignature } from '../../../services/forms/upload-signature';
import { decideInspection } from '../../../services/inspection/decide-inspection';
import { getInspection } from '../../../services/inspection/get-inspection';
import { switchToOnsite } from '../../../services/staff/switch-to-onsite';
import { errorCode, errorText } from '../../../utils/format';
import { type DecisionSummary, type RectificationSummary, latestDecision, toRectificationSummary } from '../../../utils/inspection-view';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// The end of the inspection (R14): pass, rectification, fail, or on-site inspection instead, with the officer's
// opinion and handwritten signature. Rectification items start from the failed checklist items and can be edited;
// the deadline is the server's, in working days, shown once decided.

type Choice = DecisionOutcome | 'onsite';

/** An editable line: a rectification item (with the checklist item it comes from) or a reason for failing. */
interface Line {
  key: string;
  itemCode: string;
  text: string;
}

const CHOICES: Array<{ key: Choice; label: string; hint: string }> = [
  { key: 'pass', label: '通过', hint: '全部核查项符合或不适用' },
  { key: 'rectify', label: '限期整改', hint: '列明整改事项，系统按工作日计算整改期限' },
  { key: 'fail', label: '不通过', hint: '须写明不通过的理由' },
  { key: 'onsite', label: '转现场踏勘', hint: '视频无法核实时，改为现场踏勘' },
];

const CONFIRM: Record<Choice, string> = {
  pass: '决定作出后立即通知申请人，并生成踏勘归档。',
  rectify: '决定作出后，整改事项和整改期限将发送给申请人。',
  fail: '决定作出后立即通知申请人，并生成踏勘归档。',
  onsite: '办件将转为现场踏勘，原因会告知申请人。',
};

let lineSeq = 0;
const line = (text: string, itemCode = ''): Line => ({ key: `l${++lineSeq}`, itemCode, text });

/** The round's failed items, worded as the server words its default rectification items. */
function failedLines(v: InspectionView): { rectify: Line[]; fail: Line[] } {
  const failed = v.items
    .map((item) => ({ item, finding: item.findings.find((f) => f.round === v.round) }))
    .filter(({ finding }) => finding?.result === 'nonConforming');
  return {
    rectify: failed.map(({ item, finding }) =>
      line(`${item.title}。达标要求：${item.conforming}${finding!.note ? `现场情况：${finding!.note}` : ''}`, item.code)),
    fail: failed.map(({ item, finding }) => line(`${item.title}：${finding!.note || '不符合踏勘标准'}`)),
  };
}

/** Signature uploads, kept on the instance: a resubmission after a refusal reuses the file already sent. */
const signaturesOf = (self: unknown): Map<string, string> => {
  const host = self as { signatures?: Map<string, string> };
  host.signatures ??= new Map();
  return host.signatures;
};

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('踏勘记录'),
    caseId: '',
    version: 0,
    number: '',
    stateLabel: '',
    /** The form shows while a decision can be taken: at the inspection, or once a rectification is overdue. */
    deciding: false,
    choices: CHOICES,
    summary: { conforming: 0, nonConforming: 0, notApplicable: 0, missing: 0 },
    missingTitles: '',
    outcome: '' as Choice | '',
    outcomeError: '',
    opinion: '',
    opinionError: '',
    rectifyLines: [] as Line[],
    failLines: [] as Line[],
    linesError: '',
    signaturePath: '',
    signatureError: '',
    busy: false,
    decision: null as DecisionSummary | null,
    rectification: null as RectificationSummary | null,
    onsite: false,
  },

  async load() {
    return this.shown(await getInspection({ caseId: this.data.caseId }));
  },

  /** The page's data for the inspection as the server shows it: loaded, or decided; the lines already written stay. */
  shown(v: InspectionView) {
    const current = v.items.filter((i) => i.inCurrentRound).map((i) => ({ item: i, finding: i.findings.find((f) => f.round === v.round) }));
    const count = (result: string) => current.filter((c) => c.finding?.result === result).length;
    const missing = current.filter((c) => !c.finding);
    // After an overdue rectification only pass or fail remain; a second rectification is not given.
    const choices = CHOICES.filter((c) =>
      c.key === 'onsite' ? v.can.includes('switchToOnsite') : c.key !== 'rectify' || !v.rectification);
    const lines = failedLines(v);
    return {
      version: v.version,
      number: v.number,
      stateLabel: v.stateLabel,
      deciding: v.can.includes('decideInspection') && (v.state === 'inspecting' || !!v.rectification?.overdue),
      choices,
      summary: { conforming: count('conforming'), nonConforming: count('nonConforming'), notApplicable: count('notApplicable'), missing: missing.length },
      missingTitles: missing.map((m) => m.item.title).join('、'),
      rectifyLines: this.data.rectifyLines.length ? this.data.rectifyLines : lines.rectify,
      failLines: this.data.failLines.length ? this.data.failLines : lines.fail,
      decision: latestDecision(v),
      rectification: v.rectification ? toRectificationSummary(v.rectification) : null,
      // Switched on-site, the case waits for a visit slot (cases switched before the on-site path stopped at 'onsite').
      onsite: v.state === 'onsite' || (v.mode === 'onsite' && v.state === 'ready'),
    };
  },

  onChoose(e: WechatMiniprogram.TouchEvent) {
    const outcome = e.currentTarget.dataset.key as Choice;
    this.setData({ outcome, outcomeError: '', linesError: '', signatureError: '' });
    const listKey = outcome === 'rectify' ? 'rectifyLines' : outcome === 'fail' ? 'failLines' : '';
    if (listKey && !this.data[listKey].length) this.setData({ [listKey]: [line('')] });
  },

  onOpinionInput(e: WechatMiniprogram.Input) {
    this.setData(this.data.opinionError ? { opinion: e.detail.value, opinionError: '' } : { opinion: e.detail.value });
  },

  listKey(): 'rectifyLines' | 'failLines' {
    return this.data.outcome === 'rectify' ? 'rectifyLines' : 'failLines';
  },

  onLineInput(e: WechatMiniprogram.Input) {
    this.setData({ [`${this.listKey()}[${Number(e.currentTarget.dataset.index)}].text`]: e.detail.value, linesError: '' });
  },

  onLineAdd() {
    const key = this.listKey();
    this.setData({ [key]: [...this.data[key], line('')] });
  },

  onLineRemove(e: WechatMiniprogram.TouchEvent) {
    const key = this.listKey();
    const index = Number(e.currentTarget.dataset.index);
    this.setData({ [key]: this.data[key].filter((_, i) => i !== index) });
  },

  onSign(e: WechatMiniprogram.CustomEvent<{ tempFilePath: string }>) {
    this.setData({ signaturePath: e.detail.tempFilePath, signatureError: '' });
  },

  /** What is missing before the decision can be sent, each next to its field; false when something is. */
  validate(): boolean {
    const { outcome, opinion, signaturePath } = this.data;
    const lines = outcome === 'rectify' || outcome === 'fail' ? this.data[this.listKey()].filter((l) => l.text.trim()) : [];
    const errors = {
      outcomeError: outcome ? '' : '请选择踏勘结论',
      opinionError: opinion.trim().length >= 2 ? '' : outcome === 'onsite' ? '请写明转现场踏勘的原因' : '请填写踏勘意见',
      linesError: outcome === 'rectify' && !lines.length ? '请至少列出一项整改事项' : outcome === 'fail' && !lines.length ? '请写明不通过的理由' : '',
      signatureError: outcome && outcome !== 'onsite' && !signaturePath ? '请在下方手写签名，并点“确认签名”' : '',
    };
    this.setData(errors);
    return Object.values(errors).every((v) => !v);
  },

  async onSubmit() {
    if (this.data.busy || !this.validate()) return;
    const outcome = this.data.outcome as Choice;
    const label = CHOICES.find((c) => c.key === outcome)!.label;
    const { confirm } = await wx.showModal({ title: `确认作出“${label}”决定？`, content: `${CONFIRM[outcome]}决定作出后不能撤回。`, confirmText: '确认', cancelText: '再想想' });
    if (!confirm) return;
    this.setData({ busy: true });
    wx.showLoading({ title: '正在提交', mask: true });
    try {
      if (outcome === 'onsite') {
        await switchToOnsite({ caseId: this.data.caseId, version: this.data.version, reason: this.data.opinion.trim() });
        await asSingleLoad(this).reload();
      } else {
        this.setData(this.shown(await this.decide(outcome)));
      }
      wx.hideLoading();
      wx.showToast({ title: '决定已作出', icon: 'success' });
    } catch (err) {
      wx.hideLoading();
      if (errorCode(err) === 'CONFLICT') {
        // A live photo or the on-site code changed the case meanwhile: take its new version, keep what was written.
        await asSingleLoad(this).reload();
        wx.showModal({ title: '办件刚有更新', content: '已刷新，请核对后再次提交。', showCancel: false, confirmText: '知道了' });
      } else {
        wx.showModal({ title: '决定未作出', content: errorText(err, '提交失败，请重试'), showCancel: false, confirmText: '知道了' });
      }
    }
    this.setData({ busy: false });
  },

  async decide(outcome: DecisionOutcome): Promise<InspectionView> {
    const signatures = signaturesOf(this);
    const path = this.data.signaturePath;
    const signatureFileId = signatures.get(path) ?? (await uploadSignature(path));
    signatures.set(path, signatureFileId);
    const texts = (lines: Line[]) => lines.filter((l) => l.text.trim());
    return decideInspection({
      caseId: this.data.caseId,
      version: this.data.version,
      outcome,
      opinion: this.data.opinion.trim(),
      signatureFileId,
      ...(outcome === 'rectify'
        ? { rectificationItems: texts(this.data.rectifyLines).map((l) => ({ ...(l.itemCode ? { itemCode: l.itemCode } : {}), requirement: l.text.trim() })) }
        : {}),
      ...(outcome === 'fail' ? { reasons: texts(this.data.failLines).map((l) => l.text.trim()) } : {}),
    });
  },

  onGoEvidence() {
    wx.redirectTo({ url: `/package-staff/pages/evidence/evidence?id=${encodeURIComponent(this.data.caseId)}` });
  },
});
