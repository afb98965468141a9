import type { CaseSummary, CaseView } from '../../typings/models';
import { formatChinaTime } from './china-time';
import { MODE_LABELS, formatSize } from './format';

/** What a case card shows. */
export interface CaseCard {
  id: string;
  number: string;
  matterName: string;
  companyName: string;
  state: string;
  stateLabel: string;
  modeLabel: string;
  applicant: string;
  timeText: string;
  /** 复查: a re-inspection after rectification. */
  reinspection: boolean;
  /** The applicant's list only: what they do or wait for next, in one line (长辈模式 shows it instead of the details). */
  nextStep?: string;
}

// The applicant's next step by state; the case page's buttons (case-steps.ts) are the exact, server-checked ones.
const NEXT_STEPS: Record<CaseSummary['state'], string> = {
  draft: '填写完整后提交申请',
  submitted: '等待窗口受理',
  returned: '补正材料后重新提交',
  rejected: '查看不予受理的理由',
  accepted: '签署表单',
  signed: '加入踏勘群',
  ready: '选择踏勘时间',
  scheduled: '按约定时间参加踏勘',
  inspecting: '配合工作人员完成踏勘',
  rectifying: '按期提交整改材料',
  passed: '办理完成，可评价本次服务',
  failed: '查看踏勘结果',
  archived: '办理完成',
  withdrawn: '已撤回，无需办理',
  onsite: '等待工作人员上门踏勘',
};

export function toCaseCard(c: CaseSummary): CaseCard {
  const timeText = c.acceptedAt
    ? `受理于 ${formatChinaTime(c.acceptedAt)}${c.handlerName ? ` · ${c.handlerName}` : ''}`
    : c.submittedAt
      ? `提交于 ${formatChinaTime(c.submittedAt)}`
      : '';
  return {
    id: c.id,
    number: c.number,
    matterName: c.matterName,
    companyName: c.companyName,
    state: c.state,
    stateLabel: c.stateLabel,
    modeLabel: MODE_LABELS[c.mode],
    applicant: c.applicantNameMasked,
    timeText,
    reinspection: !!c.reinspection,
  };
}

/** A card on the applicant's own list, with the next step. */
export function toApplicantCaseCard(c: CaseSummary): CaseCard {
  return { ...toCaseCard(c), nextStep: NEXT_STEPS[c.state] ?? '' };
}

export interface Fact {
  label: string;
  value: string;
}

/** What a case page shows, formatted once. */
export interface CaseDetail {
  number: string;
  matterName: string;
  state: string;
  stateLabel: string;
  facts: Fact[];
  notes: Fact[];
  materials: Array<{ fileId: string; name: string; sizeText: string; timeText: string }>;
  timeline: Array<{ at: string; actorName: string; actionLabel: string; note: string; verification: string }>;
}

export function toCaseDetail(c: CaseView): CaseDetail {
  const facts: Fact[] = [
    { label: '办件编号', value: c.number },
    { label: '申请事项', value: c.matterName },
    { label: '踏勘方式', value: MODE_LABELS[c.mode] },
    { label: '企业名称', value: c.company.name },
    { label: '统一社会信用代码', value: c.company.creditCode },
    { label: '经营场所', value: c.premises.address },
    { label: '申请人', value: c.applicantName },
    { label: '联系电话', value: c.applicantPhoneMasked },
    { label: '提交时间', value: formatChinaTime(c.submittedAt) },
    { label: '受理时间', value: formatChinaTime(c.acceptedAt) },
    { label: '经办人', value: c.handlerName ?? '' },
    { label: '踏勘群标签', value: c.groupLabel ?? '' },
    // A counter or e-mail case: how it came in, for the office's side.
    { label: '收件方式', value: c.intake?.channelLabel ?? '' },
    { label: '收件时间', value: formatChinaTime(c.intake?.receivedAt) },
    { label: '发件人', value: c.intake?.emailFrom ?? '' },
    { label: '邮件主题', value: c.intake?.emailSubject ?? '' },
    { label: '申请人邮箱', value: c.intake?.applicantEmail ?? '' },
    { label: '登记人', value: c.intake?.registeredByName ?? '' },
    { label: '认领时间', value: formatChinaTime(c.intake?.claimedAt) },
  ].filter((f) => f.value);
  const notes: Fact[] = [
    { label: '需补正的内容', value: c.returnNote ?? '' },
    { label: '不予受理的理由', value: c.refuseReason ?? '' },
    { label: '撤回原因', value: c.withdrawReason ?? '' },
    {
      label: '待申请人认领',
      value: c.awaitingClaim
        ? `申请人尚未在小程序中认领本办件，认领前可受理和安排踏勘，表单签署须待认领后进行${c.intake?.claimExpiresAt ? `（认领码有效期至 ${formatChinaTime(c.intake.claimExpiresAt)}）` : ''}`
        : '',
    },
    { label: '转现场踏勘的原因', value: c.onsiteReason ?? '' },
    { label: '行政许可已撤销', value: c.revocation ? `${formatChinaTime(c.revocation.revokedAt)}：${c.revocation.reason}` : '' },
  ].filter((f) => f.value);
  return {
    number: c.number,
    matterName: c.matterName,
    state: c.state,
    stateLabel: c.stateLabel,
    facts,
    notes,
    materials: c.materials.map((m) => ({
      fileId: m.fileId,
      name: m.name,
      sizeText: formatSize(m.size),
      timeText: formatChinaTime(m.uploadedAt),
    })),
    // Newest first: what happened last is what the user wants to see.
    timeline: c.timeline
      .map((t) => ({ at: formatChinaTime(t.at), actorName: t.actorName, actionLabel: t.actionLabel, note: t.note ?? '', verification: t.verification ?? '' }))
      .reverse(),
  };
}
