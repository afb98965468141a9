import {
  caseNotice, keyedNotices, noticesToCaseParties, noticeToApplicant, noticeToStaff, provisionalDateNotice,
} from '../../../cloudfunctions/src/application/notices';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';

// Notices about a case as the catalogue words them: who gets one, which page it opens, in the case's mode's words.

type Case = CaseRecord & { _id: string };
const caseOf = (patch: Partial<CaseRecord> = {}): Case => ({
  _id: 'c1', number: 'TK-2026-0001', matterName: '食品经营许可', company: { name: '青禾餐饮有限公司', creditCode: '91310000MA1K000001' }, mode: 'remote',
  applicantId: 'app', handlerId: 'staff', ...patch,
}) as Case;

test('an officer’s notice opens the staff case page, anyone else’s the case page; fields add to the case’s own', () => {
  const c = caseOf({ scheduledAt: '2026-12-07T02:00:00.000Z', rectification: { deadline: '2026-12-18T16:00:00.000Z' } as CaseRecord['rectification'] });
  expect(caseNotice(c, 'handler', 'staff', 'caseWithdrawn', '已撤回')).toMatchObject({ page: '/package-staff/pages/case-review/case-review?id=c1' });
  expect(caseNotice(c, 'previousHandler', 'old', 'caseReassignedFrom', '改派')).toMatchObject({ page: '/package-staff/pages/case-review/case-review?id=c1' });
  const toApplicant = caseNotice(c, 'applicant', 'app', 'meetingRescheduled', '视频踏勘改期', { start: '2026-12-09T02:00:00.000Z' });
  expect(toApplicant).toEqual({
    event: 'meetingRescheduled', to: 'app', title: '视频踏勘需改期', body: '视频踏勘改期', page: '/pages/case-detail/case-detail?id=c1',
    fields: { number: 'TK-2026-0001', matter: '食品经营许可', company: '青禾餐饮有限公司', mode: 'remote', start: '2026-12-09T02:00:00.000Z', deadline: '2026-12-18T16:00:00.000Z' },
  });
  expect(caseNotice(caseOf(), 'contacts', 'x', 'meetingRescheduled', '').fields).toEqual({ number: 'TK-2026-0001', matter: '食品经营许可', company: '青禾餐饮有限公司', mode: 'remote' });
});

test('an on-site case’s notices say 现场踏勘 in the title and the body', () => {
  const n = caseNotice(caseOf({ mode: 'onsite' }), 'applicant', 'app', 'meetingRescheduled', '原定的远程视频踏勘取消');
  expect([n.title, n.body]).toEqual(['现场踏勘需改期', '原定的现场踏勘取消']);
});

test('the applicant is told only when the case has one; an officer by the staff page', () => {
  expect(noticeToApplicant(caseOf({ applicantId: undefined }), 'caseAccepted', '已受理')).toEqual([]);
  expect(noticeToApplicant(caseOf(), 'caseAccepted', '已受理')).toEqual([expect.objectContaining({ to: 'app', title: '您的申请已受理', page: '/pages/case-detail/case-detail?id=c1' })]);
  expect(noticeToStaff(caseOf(), 'other-staff', 'caseWithdrawn', '已撤回')).toMatchObject({ to: 'other-staff', page: '/package-staff/pages/case-review/case-review?id=c1' });
});

test('a provisional date is told to the handler, in words, and to nobody on a case without one', () => {
  expect(provisionalDateNotice(caseOf(), '整改期限', '2027-01-08')).toEqual([expect.objectContaining({
    to: 'staff', event: 'provisionalDateIssued', title: '期限按法定假日暂算', body: '整改期限2027-01-08按法定假日暂算，节假日通知录入后如有变化将请您确认',
  })]);
  expect(provisionalDateNotice(caseOf({ handlerId: undefined }), '整改期限', '2027-01-08')).toEqual([]);
});

test('notices queued outside a case change are keyed by what queued them, each event and recipient once', () => {
  const keyed = keyedNotices('findings:f1', 'c1', [...noticeToApplicant(caseOf(), 'creditDecision', '决定'), noticeToStaff(caseOf(), 'staff', 'caseWithdrawn', '撤回')]);
  expect(keyed.map((n) => [n.id, n.caseId, n.to])).toEqual([['findings:f1:creditDecision:app', 'c1', 'app'], ['findings:f1:caseWithdrawn:staff', 'c1', 'staff']]);
});

test('the case’s parties are each told once, in the catalogue’s order, each with the page that suits them', () => {
  const c = caseOf({ contactIds: ['contact-1', 'app'], observerIds: ['sup-1', 'staff'] });
  const sent = noticesToCaseParties(c, 'meetingRescheduled', '改期');
  expect(sent.map((n) => [n.to, n.page.startsWith('/package-staff') ? 'staff page' : 'case page'])).toEqual([
    ['app', 'case page'], ['contact-1', 'case page'], ['staff', 'staff page'], ['sup-1', 'case page'],
  ]);
  // A party the case does not record (the previous handler, regulators) is named by the queuing code, not here.
  expect(noticesToCaseParties(c, 'caseReassignedFrom', '改派')).toEqual([]);
  expect(noticesToCaseParties(caseOf({ applicantId: undefined, handlerId: undefined }), 'meetingRescheduled', '改期')).toEqual([]);
});
