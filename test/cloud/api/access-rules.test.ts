import type { GrantedRole } from '../../../typings/models';
import type { Caller } from '../../../cloudfunctions/src/api/context';
import { AppError } from '../../../cloudfunctions/src/api/errors';
import { allowedCaseActions, authorizeCaseAction, authorizeRead, canRead, relationTo } from '../../../cloudfunctions/src/application/access';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import type { Stored } from '../../../cloudfunctions/src/ports/store';
import { NO_RELATION } from '../../support/relation';

// Who may do what to a case (application/access.ts), rule by rule, without the store: how a caller stands to a case,
// who each per-case action is for, and in which states it can happen. The flows and the authorization matrix run
// the same table through the api; here each rule fails on its own when changed.

const caller = (openid: string, roles: GrantedRole[] = [], more: Partial<Caller> = {}): Caller => ({ openid, name: openid, roles: new Set(roles), ...more });

const aCase = (over: Partial<CaseRecord> = {}): Stored<CaseRecord> =>
  ({
    _id: 'case-1',
    _version: 3,
    number: 'DL-2026-0001',
    matterCode: 'M01',
    matterName: '食品经营许可',
    sectionCode: 'S1',
    sectorCode: 'E1',
    mode: 'remote',
    channel: 'miniProgram',
    applicantId: 'app',
    applicantName: '张三',
    applicantPhone: '13800138000',
    materials: [],
    state: 'passed',
    handlerId: 'han',
    handlerName: '王科员',
    contactIds: ['con'],
    observerIds: ['obs'],
    registeredBy: 'reg',
    submittedAt: '2026-05-01T02:00:00.000Z',
    acceptedAt: '2026-05-02T02:00:00.000Z',
    decidedAt: '2026-05-10T02:00:00.000Z',
    ...over,
  }) as Stored<CaseRecord>;

const NONE = NO_RELATION;
/** A case registered at the counter (R9). */
const registration = { receivedAt: '2026-05-01T02:00:00.000Z', registeredByName: '李科员', claimCodeHash: 'h', claimExpiresAt: '2026-05-15T02:00:00.000Z' };

/** One person per part a caller can play, each holding that part alone. */
const PEOPLE: Record<string, Caller> = {
  applicant: caller('app'),
  contact: caller('con'),
  handler: caller('han'),
  staff: caller('st', ['staff'], { sectionCode: 'S1' }),
  head: caller('hd', ['sectionHead'], { sectionCode: 'S1' }),
  observer: caller('obs'),
  supervisor: caller('sup', ['supervisor']),
  regulator: caller('rg', ['regulator'], { sectorCode: 'E1' }),
  admin: caller('adm', ['admin']),
  registrar: caller('reg'),
};

describe('relationTo', () => {
  const c = aCase();

  test.each(Object.entries(PEOPLE))('the %s holds that part alone', (part, person) => {
    const relation = relationTo(person, c);
    const key = part === 'staff' ? 'sectionStaff' : part === 'head' ? 'sectionHead' : part;
    expect(relation).toEqual({ ...NONE, [key]: true });
    expect(canRead(relation)).toBe(true);
    expect(authorizeRead(person, c)).toEqual(relation);
  });

  test.each([
    ['staff of another section', caller('st', ['staff'], { sectionCode: 'S2' })],
    ['staff of no section', caller('st', ['staff'])],
    ['the head of another section', caller('hd', ['sectionHead'], { sectionCode: 'S2' })],
    ['a regulator of another sector', caller('rg', ['regulator'], { sectorCode: 'E2' })],
    ['a stranger', caller('someone')],
  ])('%s has no part and may not read', (_who, person) => {
    expect(relationTo(person, c)).toEqual(NONE);
    expect(canRead(NONE)).toBe(false);
    let error: unknown;
    try {
      authorizeRead(person, c);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect([(error as AppError).code, (error as AppError).message]).toEqual(['FORBIDDEN', '您无权查看该办件']);
  });

  test('a regulator sees a case of their sector once it is decided (passed, failed, archived)', () => {
    for (const state of ['passed', 'failed', 'archived'] as const) expect(relationTo(PEOPLE.regulator!, aCase({ state })).regulator).toBe(true);
    for (const state of ['inspecting', 'rectifying', 'withdrawn', 'rejected'] as const) expect(relationTo(PEOPLE.regulator!, aCase({ state })).regulator).toBe(false);
  });

  test('a case without contacts, observers or registrar gives nobody those parts', () => {
    const bare = aCase({ contactIds: undefined, observerIds: undefined, registeredBy: undefined });
    expect(relationTo(PEOPLE.contact!, bare)).toEqual(NONE);
    expect(relationTo(PEOPLE.observer!, bare)).toEqual(NONE);
    expect(relationTo(PEOPLE.registrar!, bare)).toEqual(NONE);
  });

  test('the handler acts for the applicant of a registered case nobody has claimed yet', () => {
    expect(relationTo(PEOPLE.handler!, aCase({ registration, applicantId: null }))).toEqual({ ...NONE, handler: true, actsForApplicant: true });
    expect(relationTo(PEOPLE.handler!, aCase({ registration }))).toEqual({ ...NONE, handler: true });
    expect(relationTo(PEOPLE.handler!, aCase({ applicantId: null }))).toEqual({ ...NONE, handler: true });
    expect(relationTo(PEOPLE.staff!, aCase({ registration, applicantId: null })).actsForApplicant).toBe(false);
  });
});

/** Who each per-case action is for, by part (the state aside: `who` is asked first). */
const WHO: Record<string, string[]> = {
  acceptCase: ['staff'],
  reissueClaimCode: ['staff'],
  getRegistrationReceipt: ['staff'],
  returnCase: ['staff'],
  refuseCase: ['staff'],
  resubmitCase: ['applicant'],
  withdrawCase: ['applicant'],
  switchToOnsite: ['handler'],
  reassignCase: ['head', 'admin'],
  assignObserver: ['supervisor'],
  signForm: ['applicant'],
  countersignConsent: ['handler'],
  openGroup: ['applicant'],
  inviteContact: ['applicant'],
  postGroupMessage: ['applicant', 'contact', 'handler'],
  offerSlots: ['handler'],
  requestOtherTimes: ['applicant'],
  bookSlot: ['applicant'],
  rescheduleInspection: ['applicant', 'handler'],
  recordNoShow: ['handler'],
  createMeeting: ['handler'],
  setMeetingManually: ['handler'],
  startInspection: ['handler'],
  resumeInspection: ['handler'],
  confirmSessionCode: ['applicant', 'contact'],
  saveChecklistItem: ['handler'],
  addObserverRemark: ['observer'],
  addEvidence: ['applicant', 'contact', 'handler'],
  attachMeetingRecording: ['handler'],
  supersedeEvidence: ['handler'],
  verifyEvidence: ['handler', 'supervisor', 'admin'],
  decideInspection: ['handler'],
  submitRectificationProof: ['applicant'],
  requestReinspection: ['applicant'],
  archiveCase: ['handler', 'admin'],
  getArchive: ['applicant', 'handler', 'staff', 'head', 'supervisor', 'regulator', 'admin'],
  rateService: ['applicant'],
};

function refusal(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe('authorizeCaseAction', () => {
  const c = aCase();

  test.each(Object.entries(WHO))('%s is for %j only', (action, parts) => {
    const forbidden = Object.keys(PEOPLE).filter((part) => refusal(() => authorizeCaseAction(PEOPLE[part]!, c, action, 3)) === 'FORBIDDEN');
    expect(forbidden.sort()).toEqual(Object.keys(PEOPLE).filter((p) => !parts.includes(p)).sort());
  });

  test('whoever registered a case does not accept it, though staff of its section', () => {
    const registrarStaff = caller('reg', ['staff'], { sectionCode: 'S1' });
    const submitted = aCase({ state: 'submitted', handlerId: null });
    expect(refusal(() => authorizeCaseAction(registrarStaff, submitted, 'acceptCase', 3))).toBe('FORBIDDEN');
    expect(authorizeCaseAction(PEOPLE.staff!, submitted, 'acceptCase', 3).to).toBe('accepted');
  });

  test('the handler books the slot of a registered case nobody has claimed', () => {
    const slot = { start: '2026-05-20T01:00:00.000Z', end: '2026-05-20T02:00:00.000Z' };
    const unclaimed = aCase({ state: 'ready', registration, applicantId: null, offeredSlots: [slot] } as Partial<CaseRecord>);
    expect(authorizeCaseAction(PEOPLE.handler!, unclaimed, 'bookSlot', 3).to).toBe('scheduled');
    expect(refusal(() => authorizeCaseAction(PEOPLE.handler!, { ...unclaimed, applicantId: 'app' }, 'bookSlot', 3))).toBe('FORBIDDEN');
  });

  test('refuses in order: no part, then a stale version, then a case not ready; answers the state after', () => {
    const scheduled = aCase({ state: 'scheduled' });
    expect(refusal(() => authorizeCaseAction(PEOPLE.contact!, scheduled, 'startInspection', 2))).toBe('FORBIDDEN');
    expect(refusal(() => authorizeCaseAction(PEOPLE.handler!, c, 'startInspection', 2))).toBe('CONFLICT');
    expect(refusal(() => authorizeCaseAction(PEOPLE.handler!, c, 'startInspection', 3))).toBe('INVALID_STATE');
    const { relation, to } = authorizeCaseAction(PEOPLE.handler!, scheduled, 'startInspection', 3);
    expect(relation).toEqual({ ...NONE, handler: true });
    expect(to).toBe('inspecting');
    // An action that leaves the state alone answers the state it found.
    expect(authorizeCaseAction(PEOPLE.handler!, scheduled, 'createMeeting', 3).to).toBe('scheduled');
  });

  test('an action without a rule is a programming error, not a refusal', () => {
    expect(() => authorizeCaseAction(PEOPLE.admin!, c, 'deleteEvidence', 3)).toThrow('no case rule for deleteEvidence');
  });
});

describe('allowedCaseActions: what a case is ready for, in each state', () => {
  // One caller holding every part, so that only the case decides.
  const everyone = caller('x', ['staff', 'sectionHead', 'supervisor', 'regulator', 'admin'], { sectionCode: 'S1', sectorCode: 'E1' });
  const mine = (over: Partial<CaseRecord>): Stored<CaseRecord> =>
    aCase({ applicantId: 'x', handlerId: 'x', contactIds: ['x'], observerIds: ['x'], registeredBy: undefined, ...over });
  const consent = (countersigned: boolean) => ({ consent: { countersign: countersigned ? { at: '2026-05-03T02:00:00.000Z' } : undefined } }) as unknown as CaseRecord['forms'];
  const slot = { start: '2026-05-20T01:00:00.000Z', end: '2026-05-20T02:00:00.000Z' };

  test.each<[string, Partial<CaseRecord>, string[]]>([
    ['submitted', { state: 'submitted' }, ['acceptCase', 'returnCase', 'refuseCase', 'withdrawCase', 'reassignCase', 'verifyEvidence']],
    ['submitted, nobody handling it yet', { state: 'submitted', handlerId: null }, ['acceptCase', 'returnCase', 'refuseCase', 'withdrawCase', 'verifyEvidence']],
    ['returned', { state: 'returned' }, ['resubmitCase', 'withdrawCase', 'reassignCase', 'verifyEvidence']],
    [
      'registered at the counter, unclaimed, receipt printed',
      { state: 'submitted', applicantId: null, registration: { ...registration, receiptFileId: 'receipts/r1.pdf' } },
      ['acceptCase', 'reissueClaimCode', 'getRegistrationReceipt', 'returnCase', 'refuseCase', 'reassignCase', 'verifyEvidence'],
    ],
    ['registered, unclaimed, no receipt', { state: 'submitted', applicantId: null, registration }, ['acceptCase', 'reissueClaimCode', 'returnCase', 'refuseCase', 'reassignCase', 'verifyEvidence']],
    ['registered, claimed', { state: 'submitted', registration }, ['acceptCase', 'returnCase', 'refuseCase', 'withdrawCase', 'reassignCase', 'verifyEvidence']],
    ['registered, unclaimed, refused', { state: 'rejected', applicantId: null, registration }, ['verifyEvidence']],
    [
      'accepted, remote, consent not countersigned',
      { state: 'accepted', forms: consent(false) },
      ['withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'signForm', 'countersignConsent', 'openGroup', 'inviteContact', 'postGroupMessage', 'verifyEvidence'],
    ],
    ['accepted, on site', { state: 'accepted', mode: 'onsite', forms: consent(false) }, ['withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'verifyEvidence']],
    [
      'signed, group opened, consent countersigned',
      { state: 'signed', forms: consent(true), groupOpenedAt: '2026-05-03T02:00:00.000Z' },
      ['withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'inviteContact', 'postGroupMessage', 'verifyEvidence'],
    ],
    ['signed, group not opened', { state: 'signed' }, ['withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'openGroup', 'inviteContact', 'postGroupMessage', 'verifyEvidence']],
    [
      'ready, slots offered',
      { state: 'ready', offeredSlots: [slot] } as Partial<CaseRecord>,
      ['withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'inviteContact', 'postGroupMessage', 'offerSlots', 'requestOtherTimes', 'bookSlot', 'verifyEvidence'],
    ],
    [
      'ready, no slots offered',
      { state: 'ready', offeredSlots: [] },
      ['withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'inviteContact', 'postGroupMessage', 'offerSlots', 'requestOtherTimes', 'verifyEvidence'],
    ],
    [
      'ready, never offered slots',
      { state: 'ready' },
      ['withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'inviteContact', 'postGroupMessage', 'offerSlots', 'requestOtherTimes', 'verifyEvidence'],
    ],
    [
      'scheduled, remote',
      { state: 'scheduled' },
      [
        'withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'inviteContact', 'postGroupMessage', 'rescheduleInspection', 'recordNoShow',
        'createMeeting', 'setMeetingManually', 'startInspection', 'verifyEvidence',
      ],
    ],
    [
      'scheduled, on site',
      { state: 'scheduled', mode: 'onsite' },
      ['withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'rescheduleInspection', 'recordNoShow', 'startInspection', 'verifyEvidence'],
    ],
    [
      'inspecting, remote, with evidence',
      { state: 'inspecting', evidenceHead: { seq: 1, hash: 'h' } as unknown as CaseRecord['evidenceHead'] },
      [
        'switchToOnsite', 'reassignCase', 'assignObserver', 'inviteContact', 'postGroupMessage', 'resumeInspection', 'confirmSessionCode', 'saveChecklistItem',
        'addObserverRemark', 'addEvidence', 'attachMeetingRecording', 'supersedeEvidence', 'verifyEvidence', 'decideInspection',
      ],
    ],
    [
      'inspecting, on site, no evidence',
      { state: 'inspecting', mode: 'onsite' },
      ['switchToOnsite', 'reassignCase', 'assignObserver', 'saveChecklistItem', 'addObserverRemark', 'addEvidence', 'attachMeetingRecording', 'verifyEvidence', 'decideInspection'],
    ],
    [
      'rectifying, remote',
      { state: 'rectifying' },
      [
        'withdrawCase', 'switchToOnsite', 'reassignCase', 'assignObserver', 'inviteContact', 'postGroupMessage', 'addObserverRemark', 'attachMeetingRecording',
        'verifyEvidence', 'decideInspection', 'submitRectificationProof', 'requestReinspection',
      ],
    ],
    ['passed, archive made, not rated', { state: 'passed', archive: { fileId: 'a.pdf' } as CaseRecord['archive'] }, ['verifyEvidence', 'archiveCase', 'getArchive', 'rateService']],
    ['failed, no archive, rated', { state: 'failed', rating: { score: 4, at: '2026-05-11T02:00:00.000Z' } }, ['verifyEvidence', 'archiveCase']],
    ['archived', { state: 'archived', archive: { fileId: 'a.pdf' } as CaseRecord['archive'] }, ['verifyEvidence', 'getArchive', 'rateService']],
    ['withdrawn', { state: 'withdrawn' }, ['verifyEvidence']],
  ])('%s', (_what, over, expected) => {
    expect(allowedCaseActions(everyone, mine(over))).toEqual(expected);
  });
});
