import type { Query } from '../../../cloudfunctions/src/ports/store';
import { type Harness, makeHarness } from '../../support/harness';

// The lists users page through must be served by an index, in the local store as in CloudBase (same index list).

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const LISTINGS: [what: string, collection: string, query: Query, index: string][] = [
  ["the applicant's cases", 'cases', { where: { applicantId: 'x' }, orderBy: [['submittedAt', 'desc']] }, 'cases_by_applicant'],
  ["the officer's cases by state", 'cases', { where: { handlerId: 'x', state: 'ready' }, orderBy: [['acceptedAt', 'asc']] }, 'cases_by_handler_state'],
  ["the section's submissions", 'cases', { where: { sectionCode: 'x', state: 'submitted' }, orderBy: [['submittedAt', 'asc']] }, 'cases_by_section_state'],
  ["a case's timeline", 'audit', { where: { caseId: 'x' }, orderBy: [['at', 'asc']] }, 'audit_by_case'],
  ["a person's inbox", 'outbox', { where: { to: 'x' }, orderBy: [['createdAt', 'desc']] }, 'outbox_by_recipient'],
  ['the blacklist check at intake', 'blacklist', { where: { subjectKey: { op: 'in', value: ['a', 'b'] }, active: true } }, 'blacklist_by_subject'],
];

test.each(LISTINGS)('%s is served by an index', (_what, collection, query, index) => {
  const plan = h.deps.store.explain(collection, query).join(' | ');
  expect(plan).toContain(index);
  expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
});
