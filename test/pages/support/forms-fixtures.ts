import type { CaseFormView, CaseFormsView, GroupView, MeetingCard, ReadinessView } from '../../../typings/models';
import { caseView } from './fixtures';

// The forms, group and scheduling shapes the issue-3 pages read.

export const caseForm = (kind: 'consent' | 'commitment', overrides: Partial<CaseFormView> = {}): CaseFormView => ({
  kind,
  name: kind === 'consent' ? '远程视频踏勘同意书' : '住所（经营场所）告知承诺书',
  version: 2,
  title: kind === 'consent' ? '东丽区行政审批局行政许可事项远程视频踏勘同意书' : '住所（经营场所）告知承诺书',
  paragraphs: kind === 'consent' ? ['本单位天津东丽第7供水有限公司同意采用远程视频方式踏勘。'] : ['本单位承诺申报的经营场所真实、合法、正在使用。'],
  ...overrides,
});

export const caseForms = (forms: CaseFormView[] = [caseForm('consent'), caseForm('commitment')]): CaseFormsView => ({
  caseId: 'case-7',
  caseVersion: 5,
  forms,
});

export const readiness = (overrides: Partial<ReadinessView> = {}, caseOverrides: Parameters<typeof caseView>[0] = {}): ReadinessView => ({
  case: caseView({ id: 'case-7', state: 'accepted', stateLabel: '已受理', acceptedAt: '2026-06-12T01:30:00.000Z', ...caseOverrides }),
  forms: [
    { kind: 'consent', name: '远程视频踏勘同意书' },
    { kind: 'commitment', name: '住所（经营场所）告知承诺书' },
  ],
  scheduling: { offeredSlots: [], reschedules: 0, noShows: 0 },
  ...overrides,
});

export const LABEL = '二次供水单位卫生许可-2026-06-12 09:30-张三';

export const meetingCard = (overrides: Partial<MeetingCard> = {}): MeetingCard => ({
  start: '2026-06-15T02:00:00.000Z',
  end: '2026-06-15T03:00:00.000Z',
  meetingCode: '123456789',
  joinUrl: 'https://meeting.tencent.com/dm/AbCdEf123',
  miniProgram: { appId: 'wx33fd6cdc62520063', path: 'pages/index/index?code=123456789&nm=%E5%BC%A0%E4%B8%89' },
  ...overrides,
});

export const groupView = (overrides: Partial<GroupView> = {}, caseOverrides: Parameters<typeof caseView>[0] = {}): GroupView => ({
  ...readiness({}, { groupLabel: LABEL, ...caseOverrides }),
  label: LABEL,
  members: [
    { role: 'applicant', roleLabel: '申请人', label: LABEL, me: true },
    { role: 'handler', roleLabel: '经办人', label: LABEL, me: false },
  ],
  messages: { items: [], total: 0, offset: 0, limit: 30 },
  preparation: ['打开水箱间门，备好照明'],
  manual: [{ title: '一、提前准备', paragraphs: ['请使用智能手机参加远程视频踏勘。'] }],
  ...overrides,
});
