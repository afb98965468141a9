import type { Caller } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import type { Stored } from '../ports/store';
import type { CaseState } from '../../../typings/models';
import { type CaseEvent, canHappen, nextState, OPEN_STATES } from '../domain/case-state';

/** How the caller stands to one case. Every per-case rule of SPEC.md is written in terms of this. */
export interface Relation {
  applicant: boolean;
  contact: boolean;
  handler: boolean;
  /** Staff of the matter's approving section (may take up unassigned submissions). */
  sectionStaff: boolean;
  sectionHead: boolean;
  observer: boolean;
  supervisor: boolean;
  /** The sector regulator, once the case is decided and pushed (R15). */
  regulator: boolean;
  admin: boolean;
  /** The officer who registered a counter or e-mail case: not its applicant, nor its handler unless the head decides. */
  registrar: boolean;
  /** The handler of a registered case nobody has claimed yet: books the visit agreed with the applicant by phone. */
  actsForApplicant: boolean;
}

const DECIDED = new Set(['passed', 'failed', 'archived']);

export function relationTo(caller: Caller, c: CaseRecord): Relation {
  const inSection = caller.sectionCode === c.sectionCode;
  return {
    applicant: c.applicantId === caller.openid,
    contact: c.contactIds?.includes(caller.openid) ?? false,
    handler: c.handlerId === caller.openid,
    sectionStaff: caller.roles.has('staff') && inSection,
    sectionHead: caller.roles.has('sectionHead') && inSection,
    observer: c.observerIds?.includes(caller.openid) ?? false,
    supervisor: caller.roles.has('supervisor'),
    regulator: caller.roles.has('regulator') && caller.sectorCode === c.sectorCode && DECIDED.has(c.state),
    admin: caller.roles.has('admin'),
    registrar: !!c.registeredBy && c.registeredBy === caller.openid,
    actsForApplicant: c.handlerId === caller.openid && !!c.registration && !c.applicantId,
  };
}

export const canRead = (r: Relation): boolean => Object.values(r).some(Boolean);

interface CaseRule {
  /** The state-machine event the action fires; or `when`, for actions that leave the state alone. */
  event?: CaseEvent;
  when?: (c: CaseRecord) => boolean;
  who: (r: Relation) => boolean;
}

/** A remote case: the consent form, the video group, the meeting and the session code are the remote path's (R1). */
const remote = (c: CaseRecord): boolean => c.mode === 'remote';

/** The inspection group is in use from acceptance until the case is decided, withdrawn or moved on-site (R5). */
export const groupInUse = (c: CaseRecord): boolean =>
  remote(c) && OPEN_STATES.includes(c.state) && c.state !== 'submitted' && c.state !== 'returned';

const inspecting = (c: CaseRecord): boolean => c.state === 'inspecting';
const inspectingOrRectifying = (c: CaseRecord): boolean => c.state === 'inspecting' || c.state === 'rectifying';

const ready = (c: CaseRecord, rule: CaseRule): boolean =>
  (!rule.event || canHappen(c.state, rule.event)) && (!rule.when || rule.when(c));

/** Who may take each per-case action. The same table drives enforcement and the `can` list the client shows. */
const CASE_RULES: Record<string, CaseRule> = {
  // Whoever registered a case does not accept it: the head may still reassign it to them, with a reason.
  acceptCase: { event: 'accept', who: (r) => r.sectionStaff && !r.registrar },
  reissueClaimCode: { when: (c) => !!c.registration && !c.applicantId && OPEN_STATES.includes(c.state), who: (r) => r.sectionStaff },
  getRegistrationReceipt: { when: (c) => !!c.registration?.receiptFileId, who: (r) => r.sectionStaff },
  returnCase: { event: 'return', who: (r) => r.sectionStaff },
  refuseCase: { event: 'refuse', who: (r) => r.sectionStaff },
  resubmitCase: { event: 'resubmit', who: (r) => r.applicant },
  withdrawCase: { event: 'withdraw', who: (r) => r.applicant },
  switchToOnsite: { event: 'switchToOnsite', who: (r) => r.handler },
  reassignCase: {
    when: (c) => c.handlerId !== null && OPEN_STATES.includes(c.state),
    who: (r) => r.sectionHead || r.admin,
  },
  // An observer can be added from acceptance until the last inspection is over (R17).
  assignObserver: {
    when: (c) => OPEN_STATES.includes(c.state) && c.state !== 'submitted' && c.state !== 'returned',
    who: (r) => r.supervisor,
  },
  // Forms (R6): the applicant signs each form once, after acceptance; the handler countersigns the office's copy.
  signForm: { when: (c) => remote(c) && c.state === 'accepted', who: (r) => r.applicant },
  countersignConsent: { when: (c) => remote(c) && !!c.forms?.consent && !c.forms.consent.countersign, who: (r) => r.handler },
  // The group (R5, R10): opening it the first time makes a signed case ready.
  openGroup: { when: (c) => remote(c) && !c.groupOpenedAt && (c.state === 'accepted' || c.state === 'signed'), who: (r) => r.applicant },
  inviteContact: { when: groupInUse, who: (r) => r.applicant },
  postGroupMessage: { when: groupInUse, who: (r) => r.applicant || r.contact || r.handler },
  // Scheduling (R11) and the meeting (R12).
  offerSlots: { when: (c) => c.state === 'ready', who: (r) => r.handler },
  requestOtherTimes: { when: (c) => c.state === 'ready', who: (r) => r.applicant },
  // Until a registered case is claimed (R9), its handler books the time agreed with the applicant by phone.
  bookSlot: { event: 'book', when: (c) => !!c.offeredSlots?.length, who: (r) => r.applicant || r.actsForApplicant },
  rescheduleInspection: { event: 'reschedule', who: (r) => r.applicant || r.handler },
  recordNoShow: { event: 'reschedule', who: (r) => r.handler },
  createMeeting: { when: (c) => remote(c) && c.state === 'scheduled', who: (r) => r.handler },
  setMeetingManually: { when: (c) => remote(c) && c.state === 'scheduled', who: (r) => r.handler },
  // The inspection (R4, R8, R12–R15, R19): the handler runs and decides it; the applicant and on-site contacts enter
  // the session code and take live photos; observers remark; after the decision come the archive and the rating.
  startInspection: { event: 'start', who: (r) => r.handler },
  // On site the officer is there: no session code to read out, no video call to resume.
  resumeInspection: { when: (c) => remote(c) && inspecting(c), who: (r) => r.handler },
  confirmSessionCode: { when: (c) => remote(c) && inspecting(c), who: (r) => r.applicant || r.contact },
  saveChecklistItem: { when: inspecting, who: (r) => r.handler },
  addObserverRemark: { when: inspectingOrRectifying, who: (r) => r.observer },
  addEvidence: { when: inspecting, who: (r) => r.handler || r.applicant || r.contact },
  attachMeetingRecording: { when: inspectingOrRectifying, who: (r) => r.handler },
  // Evidence is never deleted; before and after the decision it can only be marked superseded.
  supersedeEvidence: { when: (c) => !!c.evidenceHead, who: (r) => r.handler },
  verifyEvidence: { who: (r) => r.handler || r.supervisor || r.admin },
  decideInspection: { when: inspectingOrRectifying, who: (r) => r.handler },
  submitRectificationProof: { when: (c) => c.state === 'rectifying', who: (r) => r.applicant },
  requestReinspection: { event: 'requestReinspection', who: (r) => r.applicant },
  archiveCase: { event: 'archive', who: (r) => r.handler || r.admin },
  // The applicant gets the archive of their own case too (issue 11): it is the record of their inspection.
  getArchive: { when: (c) => !!c.archive, who: (r) => r.applicant || r.handler || r.sectionStaff || r.sectionHead || r.supervisor || r.regulator || r.admin },
  rateService: { when: (c) => DECIDED.has(c.state) && !c.rating, who: (r) => r.applicant },
  // A deadline a newly entered holiday notice would move waits for its handler (issue 10).
  settleRecountedDeadline: { when: (c) => !!c.pendingRecounts?.length, who: (r) => r.handler },
};

export const allowedCaseActions = (caller: Caller, c: CaseRecord): string[] => {
  const r = relationTo(caller, c);
  return Object.entries(CASE_RULES)
    .filter(([, rule]) => rule.who(r) && ready(c, rule))
    .map(([name]) => name);
};

/**
 * In this order: FORBIDDEN when the caller has no part in this action on this case; CONFLICT when they acted on a
 * version they no longer see (their screen is stale); INVALID_STATE when the case is not ready for it.
 */
export function authorizeCaseAction(caller: Caller, c: Stored<CaseRecord>, action: string, seenVersion: number): { relation: Relation; to: CaseState } {
  const rule = CASE_RULES[action];
  if (!rule) throw new Error(`no case rule for ${action}`);
  const relation = relationTo(caller, c);
  if (!rule.who(relation)) throw new AppError('FORBIDDEN');
  if (c._version !== seenVersion) throw new AppError('CONFLICT');
  if (!ready(c, rule)) throw new AppError('INVALID_STATE');
  return { relation, to: rule.event ? nextState(c.state, rule.event)! : c.state };
}

export function authorizeRead(caller: Caller, c: CaseRecord): Relation {
  const r = relationTo(caller, c);
  if (!canRead(r)) throw new AppError('FORBIDDEN', '您无权查看该办件');
  return r;
}
