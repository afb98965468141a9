import type { CaseView } from '../../typings/models';

// What a person can do next on a case, as buttons, from the server's `can` list (the server checks again).

export interface CaseStep {
  key: string;
  label: string;
  url: string;
}

const has = (c: CaseView, ...actions: string[]) => actions.some((a) => c.can.includes(a));

/** The applicant's (or an on-site contact's) next steps, most pressing first. */
export function applicantSteps(c: CaseView): CaseStep[] {
  const id = encodeURIComponent(c.id);
  const steps: Array<CaseStep | false> = [
    has(c, 'signForm') && { key: 'sign', label: '签署表单', url: `/pages/sign-forms/sign-forms?id=${id}` },
    has(c, 'bookSlot', 'requestOtherTimes') && { key: 'book', label: '选择踏勘时间', url: `/pages/booking/booking?id=${id}` },
    c.state === 'scheduled' && { key: 'meeting', label: c.mode === 'onsite' ? '查看踏勘时间' : '进入会议', url: `/pages/booking/booking?id=${id}` },
    has(c, 'confirmSessionCode') && { key: 'code', label: '输入会话码', url: `/pages/session-code/session-code?id=${id}` },
    has(c, 'addEvidence') && { key: 'capture', label: '拍摄现场照片', url: `/pages/live-capture/live-capture?id=${id}` },
    has(c, 'submitRectificationProof', 'requestReinspection') && { key: 'rectify', label: '提交整改材料', url: `/pages/rectification/rectification?id=${id}` },
    has(c, 'rateService') && { key: 'rate', label: '评价本次服务', url: `/pages/rating/rating?id=${id}` },
    has(c, 'openGroup', 'postGroupMessage') && { key: 'group', label: '进入踏勘群', url: `/pages/group/group?id=${id}` },
  ];
  return steps.filter((s): s is CaseStep => !!s);
}

/** States with an inspection record: the console, the decision and the evidence have something to show. */
const INSPECTED = ['inspecting', 'rectifying', 'passed', 'failed', 'archived'];

/** The handler's steps from acceptance to the decision and the archive. */
export function handlerSteps(c: CaseView): CaseStep[] {
  const id = encodeURIComponent(c.id);
  const steps: Array<CaseStep | false> = [
    has(c, 'countersignConsent') && { key: 'countersign', label: '会签同意书', url: `/package-staff/pages/countersign/countersign?id=${id}` },
    has(c, 'offerSlots') && { key: 'offer', label: '提供踏勘时段', url: `/package-staff/pages/offer-slots/offer-slots?id=${id}` },
    // A registered case not yet claimed: the handler books the time agreed with the applicant by phone.
    has(c, 'bookSlot') && { key: 'book', label: '代申请人预约（电话约定的时间）', url: `/pages/booking/booking?id=${id}` },
    has(c, 'setMeetingManually', 'createMeeting', 'recordNoShow', 'rescheduleInspection') && {
      key: 'meeting', label: '会议与改期', url: `/package-staff/pages/meeting/meeting?id=${id}`,
    },
    has(c, 'startInspection', 'saveChecklistItem') && {
      key: 'inspect', label: c.state === 'scheduled' ? '开始踏勘' : '踏勘记录', url: `/package-staff/pages/inspection/inspection?id=${id}`,
    },
    // On site the officer takes the live photos at the premises with the applicant's camera page.
    c.mode === 'onsite' && c.state === 'inspecting' && has(c, 'addEvidence') && {
      key: 'capture', label: '拍摄现场照片', url: `/pages/live-capture/live-capture?id=${id}`,
    },
    has(c, 'decideInspection') && { key: 'decide', label: '踏勘决定', url: `/package-staff/pages/decision/decision?id=${id}` },
    INSPECTED.includes(c.state) && has(c, 'verifyEvidence', 'getArchive') && {
      key: 'evidence', label: '证据与归档', url: `/package-staff/pages/evidence/evidence?id=${id}`,
    },
    has(c, 'postGroupMessage') && { key: 'group', label: '进入踏勘群', url: `/pages/group/group?id=${id}` },
  ];
  return steps.filter((s): s is CaseStep => !!s);
}
