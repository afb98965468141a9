import type { ActionName, ActionRequest, CoreActions } from '../../../typings/api';
import type { CaseView } from '../../../typings/models';
import { COLLECTIONS } from '../../../cloudfunctions/src/collections';
import { type Harness, remoteMatter, validCreditCode } from '../harness';

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

/** How to call one action as `who`: set up what it acts on, then a valid payload for that caller. */
export interface ActionScenario<A extends ActionName = ActionName> {
  payload(h: Harness, who: string): Promise<ActionRequest<A>>;
  /** Callers who may do it (on the case as set up); everyone else must get FORBIDDEN. */
  allowed: string[];
}

export const ALL = ['applicant', 'otherApplicant', 'staff', 'otherStaff', 'foreignStaff', 'head', 'supervisor', 'regulator', 'foreignRegulator', 'admin'];
export const STAFF_OF_SECTION = ['staff', 'otherStaff', 'head'];
export const ANY_STAFF = [...STAFF_OF_SECTION, 'foreignStaff'];
export const ref = (c: CaseView) => ({ caseId: c.id, version: c.version });

export const CORE_SCENARIOS: { [A in keyof CoreActions]: ActionScenario<A> } = {
  whoami: { payload: async () => ({}), allowed: ALL },
  listUsers: { payload: async () => ({}), allowed: ['admin'] },
  grantRoles: { payload: async () => ({ openid: 'newcomer', name: '新同事', roles: ['staff'], sectionCode: remoteMatter.sectionCode, reason: '新入职审批人员' }), allowed: ['admin'] },
  updateProfile: { payload: async () => ({ name: '改个名' }), allowed: ALL },
  listMatters: { payload: async () => ({}), allowed: ALL },
  getMatter: { payload: async () => ({ code: remoteMatter.code }), allowed: ALL },
  saveMatter: {
    payload: async () => ({
      code: remoteMatter.code, name: remoteMatter.name, sectionCode: remoteMatter.sectionCode, sectionName: remoteMatter.sectionName,
      sectorCode: remoteMatter.sectorCode, regulatorName: remoteMatter.regulatorName, legalBasis: remoteMatter.legalBasis,
      remoteAllowed: true, preparation: remoteMatter.preparation,
    }),
    allowed: ['admin'],
  },
  publishChecklist: {
    payload: async () => ({ code: remoteMatter.code, items: [{ code: 'L01', title: '考勤系统演示', lookAt: '请演示考勤系统', conforming: '记录完整' }], note: '新增考勤系统检查项' }),
    allowed: ['admin'],
  },
  installPilotMatters: { payload: async () => ({}), allowed: ['admin'] },
  applyForInspection: { payload: async (h, who) => application(who, [await h.uploadMaterial(who)]), allowed: ALL },
  registerCase: {
    payload: async () => {
      const { materialFileIds: _none, ...input } = application('x', []);
      return { ...input, channel: 'counter' };
    },
    allowed: STAFF_OF_SECTION,
  },
  requestUpload: { payload: async () => ({ fileName: '材料.pdf', size: 100, purpose: 'material' }), allowed: ALL },
  resubmitCase: {
    payload: async (h, who) => ({ ...ref(await cases.returned(h)), materialFileIds: [await h.uploadMaterial(who)] }),
    allowed: ['applicant'],
  },
  withdrawCase: { payload: async (h) => ({ ...ref(await cases.submitted(h)), reason: '不再需要' }), allowed: ['applicant'] },
  acceptCase: { payload: async (h) => ref(await cases.submitted(h)), allowed: STAFF_OF_SECTION },
  returnCase: { payload: async (h) => ({ ...ref(await cases.submitted(h)), missing: '缺少材料' }), allowed: STAFF_OF_SECTION },
  refuseCase: { payload: async (h) => ({ ...ref(await cases.submitted(h)), reason: '不符合条件' }), allowed: STAFF_OF_SECTION },
  reassignCase: { payload: async (h) => ({ ...ref(await cases.accepted(h)), toOpenid: 'otherStaff', reason: '工作调整' }), allowed: ['head', 'admin'] },
  switchToOnsite: { payload: async (h) => ({ ...ref(await cases.accepted(h)), reason: '视频无法核实' }), allowed: ['staff'] },
  getCase: { payload: async (h) => ({ caseId: (await cases.accepted(h)).id }), allowed: ['applicant', ...STAFF_OF_SECTION, 'supervisor', 'admin'] },
  getFileUrl: {
    payload: async (h) => {
      const c = await cases.accepted(h);
      return { caseId: c.id, fileId: c.materials[0]!.fileId };
    },
    allowed: ['applicant', ...STAFF_OF_SECTION, 'supervisor', 'admin'],
  },
  listMyCases: { payload: async () => ({}), allowed: ALL },
  listHandlerCases: { payload: async () => ({}), allowed: ANY_STAFF },
  listSectionSubmissions: { payload: async () => ({}), allowed: ANY_STAFF },
  listSectionStaff: { payload: async () => ({ sectionCode: remoteMatter.sectionCode }), allowed: ['head', 'admin'] },
};

/** Every document's id and version in every collection: equal snapshots mean nothing changed. */
export async function snapshot(h: Harness): Promise<string> {
  const parts: string[] = [];
  for (const name of Object.keys(COLLECTIONS)) {
    const docs = await h.deps.store.find<object>(name, { orderBy: [['_id', 'asc']], limit: 1000 });
    parts.push(`${name}:${docs.map((d) => `${d._id}@${d._version}`).join(',')}`);
  }
  return parts.join('\n');
}
