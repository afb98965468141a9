import type { CaseRecord } from '../domain/case';
import type { CaseChange } from './cases';

type CaseNotice = NonNullable<CaseChange['notices']>[number];

/** A notice to the case's applicant that opens the case; none for a counter case nobody has claimed yet. */
export const noticeToApplicant = (c: CaseRecord & { _id: string }, event: string, title: string, body: string): CaseNotice[] =>
  c.applicantId
    ? [{ event, to: c.applicantId, title, body, page: `/pages/case-detail/case-detail?id=${c._id}`, fields: { number: c.number, matter: c.matterName } }]
    : [];

/** A notice to an officer that opens the staff case page. */
export const noticeToStaff = (c: CaseRecord & { _id: string }, to: string, event: string, title: string, body: string): CaseNotice => ({
  event, to, title, body, page: `/package-staff/pages/case-review/case-review?id=${c._id}`, fields: { number: c.number, matter: c.matterName },
});
