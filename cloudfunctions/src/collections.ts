// Every collection and the indexes its queries need. One source: the local store creates these indexes,
// and `npm run build` writes deploy/database.json from it for the CloudBase console.

export interface IndexSpec {
  name: string;
  keys: [field: string, direction: 'asc' | 'desc'][];
}

export const COLLECTIONS: Record<string, IndexSpec[]> = {
  users: [{ name: 'by_section', keys: [['sectionCode', 'asc'], ['name', 'asc']] }],
  matters: [],
  checklists: [],
  cases: [
    { name: 'by_applicant', keys: [['applicantId', 'asc'], ['submittedAt', 'desc']] },
    { name: 'by_handler_state', keys: [['handlerId', 'asc'], ['state', 'asc'], ['acceptedAt', 'asc']] },
    { name: 'by_section_state', keys: [['sectionCode', 'asc'], ['state', 'asc'], ['submittedAt', 'asc']] },
    { name: 'by_credit_code', keys: [['company.creditCode', 'asc']] },
    { name: 'by_decided', keys: [['mode', 'asc'], ['decidedAt', 'asc']] },
  ],
  audit: [{ name: 'by_case', keys: [['caseId', 'asc'], ['at', 'asc']] }],
  requests: [],
  counters: [],
  uploads: [{ name: 'by_owner', keys: [['ownerId', 'asc'], ['createdAt', 'desc']] }],
  outbox: [
    { name: 'by_status', keys: [['status', 'asc'], ['nextAttemptAt', 'asc']] },
    { name: 'by_recipient', keys: [['to', 'asc'], ['createdAt', 'desc']] },
  ],
  blacklist: [
    { name: 'by_subject', keys: [['subjectKey', 'asc'], ['active', 'asc']] },
  ],
};

export type CollectionName = keyof typeof COLLECTIONS;
