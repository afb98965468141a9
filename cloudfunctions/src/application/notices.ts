import { type Audience, MESSAGE_CATALOGUE, type NoticeEvent } from '../catalogue/message-catalogue';
import type { CaseRecord } from '../domain/case';
import { inModeWords } from '../domain/inspection-mode';
import type { Notice } from '../ports/notifier';
import type { CaseChange } from './cases';

// Notices about a case, built from the message catalogue: its title, and the page that suits the recipient.
// The action supplies the body (a reason, what is missing …) and any fields its template reads.

type CaseNotice = NonNullable<CaseChange['notices']>[number];
type Case = CaseRecord & { _id: string };

/** The page a case message opens: officers get the staff case page, everyone else the case as they may see it. */
const casePage = (audience: Audience, caseId: string): string =>
  audience === 'handler' || audience === 'previousHandler'
    ? `/package-staff/pages/case-review/case-review?id=${caseId}`
    : `/pages/case-detail/case-detail?id=${caseId}`;

/** What every message about a case may fill its template from (catalogue/message-catalogue.ts `MessageFacts`). */
const caseFields = (c: CaseRecord): Record<string, string> => ({
  number: c.number,
  matter: c.matterName,
  company: c.company.name,
  mode: c.mode,
  ...(c.scheduledAt ? { start: c.scheduledAt } : {}),
  ...(c.rectification ? { deadline: c.rectification.deadline } : {}),
});

/**
 * One message about a case to one person. `fields` adds to, or replaces, what the case says: an action changing the
 * booked time or the deadline passes the new one, since notices are built from the case as it was.
 */
export const caseNotice = (c: Case, audience: Audience, to: string, event: NoticeEvent, body: string, fields: Record<string, string> = {}): CaseNotice => ({
  // The catalogue and the actions word messages for the video path; an on-site case reads 现场踏勘.
  event, to, title: inModeWords(c.mode, MESSAGE_CATALOGUE[event].title), body: inModeWords(c.mode, body), page: casePage(audience, c._id),
  fields: { ...caseFields(c), ...fields },
});

/** A notice to the case's applicant; none for a counter case nobody has claimed yet. */
export const noticeToApplicant = (c: Case, event: NoticeEvent, body: string, fields?: Record<string, string>): CaseNotice[] =>
  c.applicantId ? [caseNotice(c, 'applicant', c.applicantId, event, body, fields)] : [];

/** A notice to an officer, opening the staff case page. */
export const noticeToStaff = (c: Case, to: string, event: NoticeEvent, body: string, fields?: Record<string, string>): CaseNotice =>
  caseNotice(c, 'handler', to, event, body, fields);

/** The wording every page and message adds to a date counted on the statutory holidays. */
export const PROVISIONAL_NOTE = '该日期按法定假日暂算，国务院通知发布后可能调整';

/**
 * Tells the case's handler that `what` (e.g. 整改期限) was counted on the statutory holidays: when the notice is
 * entered, the handler decides whether the date changes. None when the case has no handler.
 */
export const provisionalDateNotice = (c: Case, what: string, date: string): CaseNotice[] =>
  c.handlerId ? [noticeToStaff(c, c.handlerId, 'provisionalDateIssued', `${what}${date}按法定假日暂算，节假日通知录入后如有变化将请您确认`)] : [];

/** Case notices queued outside a case change (a finding's decision, a draw): ids keyed by what queued them. */
export const keyedNotices = (key: string, caseId: string, notices: CaseNotice[]): Notice[] =>
  notices.map((n) => ({ ...n, id: `${key}:${n.event}:${n.to}`, caseId }));

/** Who among the case's people an audience is. */
function caseRecipients(c: CaseRecord, audience: Audience): string[] {
  switch (audience) {
    case 'applicant':
      return c.applicantId ? [c.applicantId] : [];
    case 'contacts':
      return c.contactIds ?? [];
    case 'handler':
      return c.handlerId ? [c.handlerId] : [];
    case 'observers':
      return c.observerIds ?? [];
    default:
      // Not a relation the case records: the queuing code names these people itself.
      return [];
  }
}

/** The event's notices to every case party its catalogue entry names (applicant, contacts, handler, observers). */
export function noticesToCaseParties(c: Case, event: NoticeEvent, body: string, fields?: Record<string, string>): CaseNotice[] {
  const seen = new Set<string>();
  return MESSAGE_CATALOGUE[event].audience.flatMap((audience) =>
    caseRecipients(c, audience)
      .filter((to) => !seen.has(to) && seen.add(to))
      .map((to) => caseNotice(c, audience, to, event, body, fields)),
  );
}

