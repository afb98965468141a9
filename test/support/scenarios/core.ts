import type { ActionName, ActionRequest, CoreActions } from '../../../typings/api';
import type { CaseView } from '../../../typings/models';
import { type Harness, remoteMatter, validCreditCode } from '../harness';
import { type StatePart, snapshotText, stateOf } from '../state-snapshot';

/** Cases in the states the actions start from; `applicant` applies and `staff` handles. */
export const cases = {
  submitted: (h: Harness) => h.apply(),
  async accepted(h: Harness): Promise<CaseView> {
    const c = await h.apply();
    return h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
  },
  async returned(h: Harness): Promise<CaseView> {
    const c = await h.apply();
    return h.ok('staff', 'returnCase', { caseId: c.id, version: c.version, missing: '缺少营业执照' });
  },
};

export const application = (who: string, fileIds: string[]): ActionRequest<'applyForInspection'> => ({
  matterCode: remoteMatter.code, mode: 'remote', materialFileIds: fileIds,
  company: { name: '天津东丽宏达物业管理有限公司', creditCode: validCreditCode() },
  applicantName: who === 'applicant' ? '张三' : '李某', applicantPhone: '13812345678',
  premises: { address: '天津市东丽区津塘公路398号', latitude: 39.09, longitude: 117.31 },
});

/**
 * How to call one action as `who`: set up what it acts on, then a valid payload for that caller.
 *
 * A row declares, besides who may call, what an allowed call changes (`writes`). The authorization matrix and the
 * malformed-payload fuzz read it generically from a snapshot of every collection of collections.ts and of the
 * files folder, taken before and after the call:
 * - an allowed call changes every part in `writes` and nothing else (`'audit'` also means: at least one new audit
 *   entry, written by the caller); a refused call changes nothing at all;
 * - leave `writes` out for a read-only action (its `mutates` is false): an allowed call must change nothing;
 * - a fuzzed payload the action happens to accept may change only parts in `writes`.
 * A new mutating action joins with one line, e.g. `writes: ['cases', 'audit', 'outbox']`; the matrix names the
 * parts it saw change when the declaration is missing or wrong.
 */
export interface ActionScenario<A extends ActionName = ActionName> {
  payload(h: Harness, who: string): Promise<ActionRequest<A>>;
  /** Callers who may do it (on the case as set up); everyone else must get FORBIDDEN. */
  allowed: string[];
  /** Collections (and 'files') an allowed call changes, for every caller or per caller; absent for a read-only action. */
  writes?: StatePart[] | ((who: string) => StatePart[]);
}

/**
 * Every caller of the matrix: applicants, the case's on-site contact and observer, staff and head of the matter's
 * section and of another, supervisors, regulators of the matter's sector and of another, an admin.
 */
export const ALL = [
  'applicant', 'otherApplicant', 'contact', 'staff', 'otherStaff', 'foreignStaff', 'head', 'foreignHead', 'supervisor', 'observer',
  'regulator', 'foreignRegulator', 'admin',
];
export const STAFF_OF_SECTION = ['staff', 'otherStaff', 'head'];
export const ANY_STAFF = [...STAFF_OF_SECTION, 'foreignStaff', 'foreignHead'];
/** Supervisors: the observer of the case is one too. */
export const SUPERVISORS = ['supervisor', 'observer'];
/** Everyone with a part in a case: its applicant and on-site contact, the section's staff, supervisors, admins. */
export const CASE_READERS = ['applicant', 'contact', ...STAFF_OF_SECTION, ...SUPERVISORS, 'admin'];
export const ref = (c: CaseView) => ({ caseId: c.id, version: c.version });

export const CORE_SCENARIOS: { [A in keyof CoreActions]: ActionScenario<A> } = {
  whoami: { payload: async () => ({}), allowed: ALL },
  listUsers: { payload: async () => ({}), allowed: ['admin'] },
  grantRoles: { payload: async () => ({ openid: 'newcomer', name: '新同事', roles: ['staff'], sectionCode: remoteMatter.sectionCode, reason: '新入职审批人员' }), allowed: ['admin'], writes: ['audit', 'roleChanges', 'users'] },
  updateProfile: { payload: async () => ({ name: '改个名' }), allowed: ALL, writes: ['audit', 'users'] },
  listMatters: { payload: async () => ({}), allowed: ALL },
  getMatter: { payload: async () => ({ code: remoteMatter.code }), allowed: ALL },
  saveMatter: {
    payload: async () => ({
      code: remoteMatter.code, name: remoteMatter.name, sectionCode: remoteMatter.sectionCode, sectionName: remoteMatter.sectionName,
      sectorCode: remoteMatter.sectorCode, regulatorName: remoteMatter.regulatorName, legalBasis: remoteMatter.legalBasis,
      remoteAllowed: true, preparation: remoteMatter.preparation,
    }),
    allowed: ['admin'],
    writes: ['audit', 'matters'],
  },
  publishChecklist: {
    payload: async () => ({ code: remoteMatter.code, items: [{ code: 'L01', title: '考勤系统演示', lookAt: '请演示考勤系统', conforming: '记录完整' }], note: '新增考勤系统检查项' }),
    allowed: ['admin'],
    writes: ['audit', 'checklists', 'matters'],
  },
  // One pilot matter gone missing, so installing has something to put back.
  installPilotMatters: {
    payload: async (h) => (await h.deps.store.remove('matters', remoteMatter.code), {}),
    allowed: ['admin'],
    writes: ['audit', 'matters'],
  },
  applyForInspection: { payload: async (h, who) => application(who, [await h.uploadMaterial(who)]), allowed: ALL, writes: ['audit', 'cases', 'counters', 'files', 'openApplications'] },
  registerCase: {
    payload: async (h, who) => {
      const { materialFileIds: _none, ...input } = application('x', []);
      return { ...input, channel: 'counter', receivedAt: h.clock.now().toISOString(), materialFileIds: [await h.uploadMaterial(who)] };
    },
    allowed: STAFF_OF_SECTION,
    // files: the frozen materials and the receipt PDF.
    writes: ['audit', 'cases', 'claimCodes', 'counters', 'files', 'openApplications', 'pdfJobs'],
  },
  requestUpload: { payload: async () => ({ fileName: '材料.pdf', size: 100, purpose: 'material' }), allowed: ALL, writes: ['uploads'] },
  resubmitCase: {
    payload: async (h, who) => ({ ...ref(await cases.returned(h)), materialFileIds: [await h.uploadMaterial(who)] }),
    allowed: ['applicant'],
    writes: ['audit', 'cases', 'files'],
  },
  withdrawCase: { payload: async (h) => ({ ...ref(await cases.submitted(h)), reason: '不再需要' }), allowed: ['applicant'], writes: ['audit', 'cases'] },
  acceptCase: { payload: async (h) => ref(await cases.submitted(h)), allowed: STAFF_OF_SECTION, writes: ['audit', 'cases', 'outbox'] },
  returnCase: { payload: async (h) => ({ ...ref(await cases.submitted(h)), missing: '缺少材料' }), allowed: STAFF_OF_SECTION, writes: ['audit', 'cases', 'outbox'] },
  refuseCase: { payload: async (h) => ({ ...ref(await cases.submitted(h)), reason: '不符合条件' }), allowed: STAFF_OF_SECTION, writes: ['audit', 'cases', 'outbox'] },
  reassignCase: { payload: async (h) => ({ ...ref(await cases.accepted(h)), toOpenid: 'otherStaff', reason: '工作调整' }), allowed: ['head', 'admin'], writes: ['audit', 'cases', 'outbox'] },
  switchToOnsite: { payload: async (h) => ({ ...ref(await cases.accepted(h)), reason: '视频无法核实' }), allowed: ['staff'], writes: ['audit', 'cases', 'outbox'] },
  getCase: { payload: async (h) => ({ caseId: (await cases.accepted(h)).id }), allowed: CASE_READERS },
  getFileUrl: {
    payload: async (h) => {
      const c = await cases.accepted(h);
      return { caseId: c.id, fileId: c.materials[0]!.fileId };
    },
    allowed: CASE_READERS,
    writes: ['fileAccess'],
  },
  listFileAccess: { payload: async (h) => ({ caseId: (await cases.accepted(h)).id }), allowed: ['applicant', ...STAFF_OF_SECTION, ...SUPERVISORS, 'admin'] },
  listMyCases: { payload: async () => ({}), allowed: ALL },
  listHandlerCases: { payload: async () => ({}), allowed: ANY_STAFF },
  listSectionSubmissions: { payload: async () => ({}), allowed: ANY_STAFF },
  listSectionStaff: { payload: async () => ({ sectionCode: remoteMatter.sectionCode }), allowed: ['head', 'admin'] },
};

/** Every document's id and version in every collection (stateOf also reads the files): equal snapshots mean no document changed. */
export async function snapshot(h: Harness): Promise<string> {
  const { parts } = await stateOf(h);
  parts.delete('files');
  return snapshotText({ parts });
}
