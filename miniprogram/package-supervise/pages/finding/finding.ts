import type { ActionRequest } from '../../../../typings/api/index';
import type { CreditFindingView, FindingSeverity } from '../../../../typings/models';
import { openFile } from '../../../services/file/open-file';
import { decideCreditPenalty } from '../../../services/supervision/decide-credit-penalty';
import { listFindings } from '../../../services/supervision/list-findings';
import { settleRecountedCorrection } from '../../../services/supervision/settle-recounted-correction';
import { PROVISIONAL_DATE_NOTE, formatChinaDate, formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText, formatSize } from '../../../utils/format';
import { findInPages } from '../../utils/find-in-pages';
import { MINOR_NO_BLACKLIST, mayBlacklist } from '../../utils/supervision-labels';
import { pageParam } from '../../../utils/page-query';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// A finding and the supervisor's decision on it (R8, R15): the credit file always; an order to correct, revocation
// of the licence and — serious or grave only — the blacklist, each chosen here.

type Measure = 'correction' | 'revoke' | 'blacklist';

/** The cloud's bounds (actions/supervision/decide-credit-penalty.ts), checked here first to say so beside the field. */
const MAX_WORKING_DAYS = 60;
const MAX_MONTHS = 60;

function decisionData(f: CreditFindingView) {
  const d = f.decision;
  if (!d) return null;
  const measures = [
    '记入诚信档案（企业和申请人）',
    d.correctionDeadline ? `责令限期改正，${formatChinaTime(d.correctionDeadline)} 前改正${d.correctionDeadlineProvisional ? `（${PROVISIONAL_DATE_NOTE}）` : ''}` : '',
    d.licenceRevoked ? '撤销行政许可' : '',
    d.blacklistUntil ? `列入失信黑名单，至 ${formatChinaTime(d.blacklistUntil)}` : '',
  ].filter(Boolean);
  return { measures, reason: d.reason, byline: `${d.decidedByName} · ${formatChinaTime(d.decidedAt)}` };
}

/** The order-to-correct deadline a newly entered holiday notice would move, as the card words it. */
const recountCard = (f: CreditFindingView) => {
  const p = f.pendingRecount;
  return p && {
    issued: p.issued,
    title: `新日历下责令改正期限将变为 ${formatChinaDate(p.wouldBe)}`,
    text: `已决定的改正期限为 ${formatChinaDate(p.issued)}（按法定假日暂算）。${p.year}年节假日安排已录入，请决定是否采用新期限；采用后申请人将收到新的改正期限。`,
    keepText: `责令改正期限保持 ${formatChinaDate(p.issued)} 不变。`,
  };
};

/** A whole number within 1…max, or null. */
function count(text: string, max: number): number | null {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= 1 && n <= max ? n : null;
}

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('问题记录'),
    id: '',
    version: 0,
    caseId: '',
    companyName: '',
    caseNumber: '',
    severity: 'minor' as FindingSeverity,
    title: '',
    facts: [] as Array<{ label: string; value: string }>,
    description: '',
    evidence: [] as Array<{ fileId: string; name: string; sizeText: string }>,
    decision: null as ReturnType<typeof decisionData>,
    recount: null as ReturnType<typeof recountCard> | null,
    mayBlacklist: false,
    reason: '',
    reasonError: '',
    correction: false,
    correctionDays: '10',
    correctionError: '',
    revoke: false,
    blacklist: false,
    blacklistMonths: '12',
    blacklistError: '',
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ id: pageParam(query, 'id') });
    asSingleLoad(this).reload();
  },

  async load() {
    return this.shown(await findInPages((offset, limit) => listFindings({ offset, limit }), (v) => v.id === this.data.id));
  },

  /** The page's data for the finding as the server shows it: loaded, or decided. */
  shown(f: CreditFindingView) {
    return {
      version: f.version,
      caseId: f.caseId,
      companyName: f.companyName,
      caseNumber: f.caseNumber,
      severity: f.severity,
      title: `${f.kindLabel}（${f.severityLabel}）`,
      facts: [
        { label: '企业名称', value: f.companyName },
        { label: '办件编号', value: f.caseNumber },
        { label: '申请事项', value: f.matterName },
        { label: '问题来源', value: f.sourceLabel },
        { label: '报告人', value: `${f.reportedByName} · ${formatChinaTime(f.reportedAt)}` },
      ],
      description: f.description,
      evidence: f.evidence.map((m) => ({ fileId: m.fileId, name: m.name, sizeText: formatSize(m.size) })),
      decision: decisionData(f),
      recount: recountCard(f) ?? null,
      mayBlacklist: mayBlacklist(f.severity),
    };
  },

  onOpenCase() {
    wx.navigateTo({ url: `/pages/case-detail/case-detail?id=${encodeURIComponent(this.data.caseId)}` });
  },

  async onOpenEvidence(e: WechatMiniprogram.TouchEvent) {
    const { id, name } = e.currentTarget.dataset as { id: string; name: string };
    try {
      await openFile(this.data.caseId, id, name);
    } catch (err) {
      wx.showToast({ title: errorText(err, '无法打开此文件'), icon: 'none' });
    }
  },

  async onSettleRecount(e: WechatMiniprogram.TouchEvent) {
    const card = this.data.recount;
    if (this.data.busy || !card) return;
    const adopt = e.currentTarget.dataset.adopt as boolean;
    const { confirm } = await wx.showModal({
      title: adopt ? '采用新期限' : '保持原期限',
      content: adopt ? `${card.title}。申请人将收到新的改正期限，诚信档案同步更新。` : card.keepText,
      confirmText: adopt ? '采用' : '保持',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      this.setData(this.shown(await settleRecountedCorrection({ findingId: this.data.id, version: this.data.version, issued: card.issued, adopt })));
      wx.showToast({ title: adopt ? '已采用新期限' : '已保持原期限', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能确认期限', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT' || errorCode(err) === 'INVALID_STATE') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },

  onReasonInput(e: WechatMiniprogram.Input) {
    this.setData(this.data.reasonError ? { reason: e.detail.value, reasonError: '' } : { reason: e.detail.value });
  },

  onToggle(e: WechatMiniprogram.TouchEvent) {
    const measure = e.currentTarget.dataset.measure as Measure;
    if (measure === 'blacklist' && !this.data.blacklist && !this.data.mayBlacklist) {
      this.setData({ blacklistError: MINOR_NO_BLACKLIST });
      return;
    }
    this.setData({ [measure]: !this.data[measure], correctionError: '', blacklistError: '' });
  },

  onDaysInput(e: WechatMiniprogram.Input) {
    this.setData({ correctionDays: e.detail.value, correctionError: '' });
  },

  onMonthsInput(e: WechatMiniprogram.Input) {
    this.setData({ blacklistMonths: e.detail.value, blacklistError: '' });
  },

  /** The decision as the cloud takes it and its measures in words, or null after marking what is wrong. */
  decision(): { request: ActionRequest<'decideCreditPenalty'>; measures: string[] } | null {
    const { correction, revoke, blacklist, severity } = this.data;
    const reason = this.data.reason.trim();
    const days = correction ? count(this.data.correctionDays, MAX_WORKING_DAYS) : null;
    const months = blacklist ? count(this.data.blacklistMonths, MAX_MONTHS) : null;
    const errors = {
      reasonError: reason.length >= 2 ? '' : '请写明处理理由和依据',
      correctionError: correction && days === null ? `改正期限应为 1 至 ${MAX_WORKING_DAYS} 个工作日` : '',
      blacklistError: !blacklist ? '' : !mayBlacklist(severity) ? MINOR_NO_BLACKLIST : months === null ? `列入期限应为 1 至 ${MAX_MONTHS} 个月` : '',
    };
    this.setData(errors);
    if (Object.values(errors).some(Boolean)) return null;
    return {
      request: {
        findingId: this.data.id,
        version: this.data.version,
        reason,
        ...(days !== null ? { correctionWorkingDays: days } : {}),
        ...(revoke ? { revokeLicence: true } : {}),
        ...(months !== null ? { blacklistMonths: months } : {}),
      },
      measures: [
        '记入诚信档案',
        days !== null ? `责令 ${days} 个工作日内改正` : '',
        revoke ? '撤销行政许可' : '',
        months !== null ? `列入失信黑名单 ${months} 个月` : '',
      ].filter(Boolean),
    };
  },

  async onSubmit() {
    if (this.data.busy) return;
    const decision = this.decision();
    if (!decision) return;
    const { confirm } = await wx.showModal({
      title: '确认作出处理决定',
      content:
        `对${this.data.companyName}（${this.data.caseNumber}）：${decision.measures.join('、')}。` +
        `${this.data.revoke ? '撤销后办件显示为已撤销，并告知行业监管部门。' : ''}决定将通知申请人，作出后不能撤回。`,
      confirmText: '作出决定',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      this.setData(this.shown(await decideCreditPenalty(decision.request)));
      wx.showToast({ title: '已作出决定', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能作出决定', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT' || errorCode(err) === 'INVALID_STATE') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },
});
