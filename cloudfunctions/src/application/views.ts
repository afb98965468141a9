import type { CaseState, CaseSummary, CaseView, IntakeView, Page } from '../../../typings/models';
import type { ActionContext, Caller } from '../api/context';
import type { AuditEntry, CaseRecord } from '../domain/case';
import { STATE_LABELS } from '../domain/case-state';
import { chinaDateOf } from '../domain/china-time';
import { maskName } from '../domain/masking';
import { isWorkingDay } from '../domain/working-days';
import type { Condition, Query } from '../ports/store';
import { allowedCaseActions, relationTo } from './access';
import { actorName, audienceOf, partyName, phoneFor, timelineEntryFor } from './audience';
import type { StoredCase } from './cases';
import { toPendingRecountView } from './deadline-recounts';

/** Chinese names of audited actions, for the case timeline. */
export const ACTION_LABELS: Record<string, string> = {
  applyForInspection: '提交申请',
  registerCase: '窗口/邮件登记',
  claimCase: '申请人认领办件',
  reissueClaimCode: '重新发放认领码',
  getRegistrationReceipt: '打印收件回执',
  resubmitCase: '补正后重新提交',
  withdrawCase: '申请人撤回',
  acceptCase: '受理',
  returnCase: '退回补正',
  refuseCase: '不予受理',
  reassignCase: '改派经办人',
  switchToOnsite: '转现场踏勘',
  assignObserver: '指派观察员',
  revokeLicence: '撤销行政许可',
  decideCreditPenalty: '信用惩戒决定',
  liftBlacklisting: '信用修复，移出失信黑名单',
  publishFormTemplate: '发布表单新版本',
  signForm: '申请人签署',
  countersignConsent: '经办人会签同意书',
  openGroup: '申请人进入踏勘群',
  inviteContact: '邀请现场联系人',
  joinGroupByInvite: '现场联系人入群',
  setSectionGroupQr: '设置科室微信群二维码',
  offerSlots: '提供可选踏勘时段',
  requestOtherTimes: '申请人申请其他时间',
  bookSlot: '预约踏勘时间',
  rescheduleInspection: '改约',
  recordNoShow: '记录未按约参加',
  createMeeting: '创建腾讯会议',
  setMeetingManually: '填写腾讯会议号',
  startInspection: '开始踏勘',
  resumeInspection: '恢复中断的踏勘',
  confirmSessionCode: '现场确认会话码',
  saveChecklistItem: '填写核查记录',
  addObserverRemark: '观察员意见',
  addEvidence: '上传证据',
  attachMeetingRecording: '关联腾讯会议云录制',
  supersedeEvidence: '证据标记作废',
  decideInspection: '作出踏勘决定',
  submitRectificationProof: '提交整改材料',
  requestReinspection: '申请复查',
  archiveCase: '生成踏勘档案并推送监管部门',
  rateService: '满意度评价',
  recountDeadline: '节假日安排录入，期限待经办人确认',
  settleRecountedDeadline: '经办人确认节假日安排录入后的期限',
  recountCorrection: '节假日安排录入，责令改正期限待确认',
  settleRecountedCorrection: '确认节假日安排录入后的责令改正期限',
};

/** States in which a case whose applicant asked for re-inspection is on its way to it (R14). */
const REINSPECTION_STATES: ReadonlySet<CaseState> = new Set(['ready', 'scheduled', 'inspecting']);

/** A case whose licence was revoked after a credit finding (R8) shows this instead of its last state. */
export const REVOKED_LABEL = '已撤销';

/** A case in a list; the applicant's name masked unless the caller may see it in full (application/audience). */
export function toCaseSummary(c: StoredCase, caller?: Caller): CaseSummary {
  return {
    id: c._id,
    number: c.number,
    matterName: c.matterName,
    companyName: c.company.name,
    state: c.state,
    stateLabel: c.revocation ? REVOKED_LABEL : STATE_LABELS[c.state],
    ...(c.revocation ? { revoked: true } : {}),
    ...(REINSPECTION_STATES.has(c.state) && c.rectification?.reinspectionRequestedAt ? { reinspection: true } : {}),
    mode: c.mode,
    submittedAt: c.submittedAt,
    ...(c.acceptedAt ? { acceptedAt: c.acceptedAt } : {}),
    ...(c.handlerName ? { handlerName: c.handlerName } : {}),
    applicantNameMasked: caller ? partyName(caller, relationTo(caller, c), c, c.applicantId, c.applicantName) : maskName(c.applicantName),
  };
}

/** The case as the caller may see it: what their audience reads, personal data by the one masking rule (application/audience). */
export async function toCaseView(ctx: ActionContext, c: StoredCase, caller: Caller = ctx.caller): Promise<CaseView> {
  // The newest 200 entries, shown oldest first: a long inspection (one entry per saved item) must not push the
  // latest steps out of the timeline.
  const audit = (await ctx.store.find<AuditEntry>('audit', { where: { caseId: c._id }, orderBy: [['at', 'desc']], limit: 200 })).reverse();
  const r = relationTo(caller, c);
  const audience = audienceOf(r);
  return {
    ...toCaseSummary(c, caller),
    version: c._version,
    matterCode: c.matterCode,
    sectionCode: c.sectionCode,
    ...(c.checklistVersion && audience === 'office' ? { checklistVersion: c.checklistVersion } : {}),
    channel: c.channel,
    applicantName: partyName(caller, r, c, c.applicantId, c.applicantName),
    applicantPhoneMasked: phoneFor(caller, r, c, c.applicantId, c.applicantPhone),
    company: c.company,
    premises: c.premises,
    materials: c.materials,
    ...(c.returnNote ? { returnNote: c.returnNote } : {}),
    ...(c.refuseReason ? { refuseReason: c.refuseReason } : {}),
    ...(c.withdrawReason ? { withdrawReason: c.withdrawReason } : {}),
    ...(c.onsiteReason ? { onsiteReason: c.onsiteReason } : {}),
    ...(c.revocation ? { revocation: { revokedAt: c.revocation.revokedAt, reason: c.revocation.reason } } : {}),
    ...(c.groupLabel ? { groupLabel: c.groupLabel } : {}),
    ...(c.handlerId && (r.sectionStaff || r.sectionHead || r.admin) ? { handlerOpenid: c.handlerId } : {}),
    timeline: audit.map((a) => timelineEntryFor(audience, ACTION_LABELS, a, actorName(caller, r, c, a.actorId, a.actorName))),
    can: allowedCaseActions(caller, c),
    ...(c.registration && !c.applicantId ? { awaitingClaim: true } : {}),
    ...(c.pendingRecounts?.length && r.handler ? { pendingRecounts: c.pendingRecounts.map(toPendingRecountView) } : {}),
    ...(r.handler && c.state === 'scheduled' && c.scheduledAt && !(await bookedOnWorkingDay(ctx, c.scheduledAt)) ? { bookingOnHoliday: c.scheduledAt } : {}),
    ...(c.registration && (r.handler || r.sectionStaff || r.sectionHead || r.supervisor || r.admin) ? { intake: toIntakeView(c) } : {}),
  };
}

/**
 * Whether the booked day is still a working day under the calendar in force (a notice entered since may make it a
 * holiday). A year the calendar cannot give could not have been booked (offerSlots refuses it): no card then.
 */
async function bookedOnWorkingDay(ctx: ActionContext, start: string): Promise<boolean> {
  const year = Number(chinaDateOf(start).slice(0, 4));
  return ctx.calendar.years(year, year).then((cal) => isWorkingDay(new Date(start), cal), () => true);
}

export const CHANNEL_LABELS: Record<CaseRecord['channel'], string> = { miniprogram: '小程序申请', counter: '窗口收件', email: '电子邮件收件' };

function toIntakeView(c: CaseRecord): IntakeView {
  const reg = c.registration!;
  return {
    channelLabel: CHANNEL_LABELS[c.channel],
    receivedAt: reg.receivedAt,
    registeredByName: reg.registeredByName,
    ...(reg.email ? { emailFrom: reg.email.from, emailSubject: reg.email.subject } : {}),
    ...(reg.applicantEmail ? { applicantEmail: reg.applicantEmail } : {}),
    ...(reg.claimedAt ? { claimedAt: reg.claimedAt } : { claimExpiresAt: reg.claimExpiresAt }),
  };
}

/** A page of cases: the query plus its total, both served by the same index. */
export async function pageOfCases(
  ctx: ActionContext, where: Record<string, Condition>, orderBy: Query['orderBy'], offset = 0, limit = 20,
): Promise<Page<CaseSummary>> {
  const [items, total] = await Promise.all([
    ctx.store.find<CaseRecord>('cases', { where, orderBy, offset, limit }),
    ctx.store.count('cases', where),
  ]);
  return { items: items.map((c) => toCaseSummary(c, ctx.caller)), total, offset, limit };
}
