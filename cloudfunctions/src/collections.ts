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
    { name: 'by_submitted', keys: [['submittedAt', 'asc']] },
    { name: 'by_state_scheduled', keys: [['state', 'asc'], ['scheduledAt', 'asc']] },
  ],
  audit: [{ name: 'by_case', keys: [['caseId', 'asc'], ['at', 'asc']] }],
  requests: [],
  counters: [],
  uploads: [{ name: 'by_owner', keys: [['ownerId', 'asc'], ['createdAt', 'desc']] }],
  outbox: [
    { name: 'by_status', keys: [['status', 'asc'], ['nextAttemptAt', 'asc']] },
    { name: 'by_recipient', keys: [['to', 'asc'], ['createdAt', 'desc']] },
    { name: 'by_recipient_read', keys: [['to', 'asc'], ['read', 'asc']] },
  ],
  blacklist: [
    { name: 'by_subject', keys: [['subjectKey', 'asc'], ['active', 'asc']] },
    { name: 'by_active_listed', keys: [['active', 'asc'], ['listedAt', 'desc']] },
    { name: 'by_listed', keys: [['listedAt', 'desc']] },
  ],
  // Supervision (R7, R8, R15): one draw record per month (id = 'YYYY-MM'), its follow-up visits, findings and
  // their credit consequences.
  draws: [{ name: 'by_month', keys: [['month', 'asc']] }],
  followUps: [
    { name: 'by_status_due', keys: [['status', 'asc'], ['dueAt', 'asc']] },
    { name: 'by_month_due', keys: [['month', 'asc'], ['dueAt', 'asc']] },
    { name: 'by_due', keys: [['dueAt', 'asc']] },
  ],
  findings: [
    { name: 'by_status_reported', keys: [['status', 'asc'], ['reportedAt', 'desc']] },
    { name: 'by_reported', keys: [['reportedAt', 'asc']] },
    { name: 'by_case_kind', keys: [['caseId', 'asc'], ['kind', 'asc']] },
  ],
  creditRecords: [{ name: 'by_subject', keys: [['subjectKey', 'asc'], ['recordedAt', 'desc']] }],
  // Forms and the inspection group (R5, R6, R10): published form texts (id '<kind>@<version>'), group messages,
  // contact invites (id = SHA-256 of the token), per-section settings (id = section code).
  formTemplates: [{ name: 'by_kind_version', keys: [['kind', 'asc'], ['version', 'desc']] }],
  groupMessages: [{ name: 'by_case_at', keys: [['caseId', 'asc'], ['at', 'desc']] }],
  groupInvites: [],
  sectionSettings: [],
  // Scheduling (R11): one document per officer and China date (id '<openid>:<YYYY-MM-DD>') holding that day's
  // bookings, so overlap and the daily maximum are checked and claimed in one compare-and-set.
  officerDays: [],
  // The inspection (R4, R13, R15): the evidence hash chain's records (id '<caseId>:<seq as 6 digits>', so id order is
  // chain order and two uploads cannot take the same place), and the decided cases pushed to sector regulators (id =
  // the case id).
  evidence: [
    { name: 'by_case', keys: [['caseId', 'asc'], ['_id', 'asc']] },
    { name: 'by_file', keys: [['fileId', 'asc']] },
  ],
  regulatorInbox: [{ name: 'by_sector_pushed', keys: [['sectorCode', 'asc'], ['pushedAt', 'desc']] }],
  // Notifications: what each person answered to wx.requestSubscribeMessage (id = OPENID).
  subscriptions: [],
  // The working-day calendar: one year's holidays and 调休 as an admin entered them (id = the year).
  calendarYears: [{ name: 'by_year', keys: [['year', 'asc']] }],
  // The office's settings as the admin saved them (one document, id 'office'); the environment gives the first values.
  settings: [],
  // People (人员与角色): each change of a person's roles (id '<openid>:<user version>'), and one-time binding links
  // (id = SHA-256 of the token).
  roleChanges: [{ name: 'by_user_at', keys: [['openid', 'asc'], ['at', 'desc']] }],
  bindingInvites: [],
};

export type CollectionName = keyof typeof COLLECTIONS;
