// Every collection and the indexes its queries need. One source: the local store creates these indexes,
// and `npm run deploy` creates them in CloudBase (cloudfunctions/src/deploy/plan.ts).

export interface IndexSpec {
  name: string;
  keys: [field: string, direction: 'asc' | 'desc'][];
}

export const COLLECTIONS: Record<string, IndexSpec[]> = {
  users: [
    { name: 'by_section', keys: [['sectionCode', 'asc'], ['name', 'asc']] },
    { name: 'by_name', keys: [['name', 'asc'], ['_id', 'asc']] },
  ],
  matters: [],
  checklists: [],
  cases: [
    { name: 'by_applicant', keys: [['applicantId', 'asc'], ['submittedAt', 'desc']] },
    { name: 'by_handler_state', keys: [['handlerId', 'asc'], ['state', 'asc'], ['acceptedAt', 'asc']] },
    // An officer's cases of every state (listHandlerCases without a state), oldest accepted first.
    { name: 'by_handler', keys: [['handlerId', 'asc'], ['acceptedAt', 'asc']] },
    { name: 'by_section_state', keys: [['sectionCode', 'asc'], ['state', 'asc'], ['submittedAt', 'asc']] },
    { name: 'by_credit_code', keys: [['company.creditCode', 'asc']] },
    // findAll() pages in a total order (ending with _id), so the indexes it reads through end with _id too.
    { name: 'by_decided', keys: [['mode', 'asc'], ['decidedAt', 'asc'], ['_id', 'asc']] },
    { name: 'by_submitted', keys: [['submittedAt', 'asc'], ['_id', 'asc']] },
    { name: 'by_state_scheduled', keys: [['state', 'asc'], ['scheduledAt', 'asc'], ['_id', 'asc']] },
  ],
  audit: [{ name: 'by_case', keys: [['caseId', 'asc'], ['at', 'asc']] }],
  requests: [],
  counters: [],
  // One claim per company and matter with an open application (application/intake.ts), read and written by id only.
  openApplications: [],
  uploads: [{ name: 'by_owner', keys: [['ownerId', 'asc'], ['createdAt', 'desc']] }],
  outbox: [
    { name: 'by_status', keys: [['status', 'asc'], ['nextAttemptAt', 'asc']] },
    { name: 'by_recipient', keys: [['to', 'asc'], ['createdAt', 'desc']] },
    { name: 'by_recipient_read', keys: [['to', 'asc'], ['read', 'asc']] },
  ],
  blacklist: [
    { name: 'by_subject', keys: [['subjectKey', 'asc'], ['listedAt', 'desc']] },
    { name: 'by_active_listed', keys: [['active', 'asc'], ['listedAt', 'desc'], ['_id', 'asc']] },
    { name: 'by_listed', keys: [['listedAt', 'desc'], ['_id', 'asc']] },
  ],
  // Supervision (R7, R8, R15): one draw record per month (id = 'YYYY-MM'), its follow-up visits, findings and
  // their credit consequences.
  draws: [{ name: 'by_month', keys: [['month', 'asc'], ['_id', 'asc']] }],
  followUps: [
    { name: 'by_status_due', keys: [['status', 'asc'], ['dueAt', 'asc'], ['_id', 'asc']] },
    { name: 'by_month_due', keys: [['month', 'asc'], ['dueAt', 'asc'], ['_id', 'asc']] },
    { name: 'by_month', keys: [['month', 'asc'], ['_id', 'asc']] },
    { name: 'by_due', keys: [['dueAt', 'asc'], ['_id', 'asc']] },
    // The case's follow-up files, for its access log (application/file-access.ts).
    { name: 'by_case', keys: [['caseId', 'asc'], ['_id', 'asc']] },
  ],
  findings: [
    { name: 'by_status_reported', keys: [['status', 'asc'], ['reportedAt', 'desc'], ['_id', 'asc']] },
    { name: 'by_reported', keys: [['reportedAt', 'asc'], ['_id', 'asc']] },
    // listFindings without a status: newest first, then by id.
    { name: 'by_reported_newest', keys: [['reportedAt', 'desc'], ['_id', 'asc']] },
    // The case's finding files, for its access log (application/file-access.ts).
    { name: 'by_case', keys: [['caseId', 'asc'], ['_id', 'asc']] },
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
  // Registration (R9): claim codes of counter and e-mail cases (id = hash of the code; the code itself is not kept).
  claimCodes: [],
  // Notifications: what each person answered to wx.requestSubscribeMessage (id = OPENID).
  subscriptions: [],
  // Every link handed out for a case file (R13): who, as what, when, which file (id '<caseId>:<ms>:<random>').
  fileAccess: [{ name: 'by_case_at', keys: [['caseId', 'asc'], ['at', 'desc']] }],
  // Evidence files hashed in resumable steps outside the request (id = SHA-256 of the file id): the saved hasher
  // state and how far it has read.
  hashJobs: [
    { name: 'by_case_status', keys: [['caseId', 'asc'], ['status', 'asc']] },
    { name: 'by_status_requested', keys: [['status', 'asc'], ['requestedAt', 'asc'], ['_id', 'asc']] },
  ],
  // The latest evidence verification of each case (id = case id), recomputing files' hashes in steps like hashJobs.
  evidenceChecks: [{ name: 'by_status_started', keys: [['status', 'asc'], ['startedAt', 'asc'], ['_id', 'asc']] }],
  // PDF rendering jobs the api hands the pdf function (id = random); once rendered, the record of the file stored
  // until the sweep has checked that its case took it up.
  pdfJobs: [{ name: 'by_created', keys: [['createdAt', 'asc']] }],
  // One claim per case version and form before rendering (id = '<caseId>:<form>:<version>'): concurrent signers of
  // the same version do not all render.
  renderingClaims: [],
  // The working-day calendar: one year's holidays and 调休 as an admin entered them (id = the year).
  calendarYears: [{ name: 'by_year', keys: [['year', 'asc']] }],
  // The office's settings as the admin saved them (one document, id 'office'); the environment gives the first values.
  settings: [],
  // People (人员与角色): each change of a person's roles (id '<openid>:<user version>'), and one-time binding links
  // (id = SHA-256 of the token).
  roleChanges: [{ name: 'by_user_at', keys: [['openid', 'asc'], ['at', 'desc']] }],
  bindingInvites: [],
};

/**
 * Collections read whole, without an index: the catalogue, a few dozen documents written only by admins. Any other
 * query must be served by an index above (test/cloud/deploy/indexes.test.ts checks every query the suites make).
 */
export const SCANNED_COLLECTIONS: readonly string[] = ['matters', 'checklists', 'formTemplates', 'sectionSettings'];

export type CollectionName = keyof typeof COLLECTIONS;
