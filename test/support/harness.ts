import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, ActionRequest, ActionResponse, ApiResult } from '../../typings/api';
import type { CaseView, GrantedRole } from '../../typings/models';
import { ALL_ACTIONS } from '../../cloudfunctions/src/actions';
import type { UserRecord } from '../../cloudfunctions/src/api/context';
import { createApi } from '../../cloudfunctions/src/api/router';
import { PILOT_MATTERS } from '../../cloudfunctions/src/catalogue/pilot-matters';
import { inProcessPdf } from '../../cloudfunctions/src/compose/in-process-pdf';
import { composeLocal } from '../../cloudfunctions/src/compose/local';
import { type AppConfig, configFromEnv } from '../../cloudfunctions/src/config';
import { creditCodeCheckChar } from '../../cloudfunctions/src/domain/credit-code';
import type { CaseRecord } from '../../cloudfunctions/src/domain/case';
import { checklistId } from '../../cloudfunctions/src/domain/matter';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current: Date = new Date('2026-06-12T01:30:00Z')) {}
  now = (): Date => new Date(this.current);
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const validCreditCode = (first17 = '91120110MA05K7QX3'): string => first17 + creditCodeCheckChar(first17);

/** The people of the tests: the same roles as SPEC.md, in the section and sector of the first remote pilot matter. */
export const remoteMatter = PILOT_MATTERS.find((m) => m.matter.remoteAllowed)!.matter;
export const onsiteOnlyMatter = PILOT_MATTERS.find((m) => !m.matter.remoteAllowed)?.matter;
const SECTION = remoteMatter.sectionCode;
const SECTOR = remoteMatter.sectorCode;
export const PEOPLE: Record<string, { name: string; roles: GrantedRole[]; sectionCode?: string; sectorCode?: string }> = {
  applicant: { name: '张三', roles: [] },
  otherApplicant: { name: '钱七', roles: [] },
  staff: { name: '王芳', roles: ['staff'], sectionCode: SECTION },
  otherStaff: { name: '赵磊', roles: ['staff'], sectionCode: SECTION },
  foreignStaff: { name: '孙丽', roles: ['staff'], sectionCode: 'SEC-OTHER' },
  head: { name: '刘强', roles: ['staff', 'sectionHead'], sectionCode: SECTION },
  supervisor: { name: '陈静', roles: ['supervisor'] },
  regulator: { name: '周敏', roles: ['regulator'], sectorCode: SECTOR },
  foreignRegulator: { name: '吴刚', roles: ['regulator'], sectorCode: 'REG-OTHER' },
  admin: { name: '管理员', roles: ['admin'] },
};

/**
 * People with a part in every case the authorization matrix builds (makeHarness({ caseParties: true })): the case's
 * on-site contact 现场联系人 and observer 观察员 (a supervisor, as assignObserver requires), and the head of another
 * section. Kept out of the other suites, whose counts (supervisors notified, users listed) assume PEOPLE only.
 */
export const CASE_PARTIES: typeof PEOPLE = {
  contact: { name: '郑伟', roles: [] },
  observer: { name: '冯雪', roles: ['supervisor'] },
  foreignHead: { name: '褚明', roles: ['staff', 'sectionHead'], sectionCode: 'SEC-OTHER' },
};

export interface Harness {
  deps: ReturnType<typeof composeLocal>;
  clock: TestClock;
  call<A extends ActionName>(who: string, action: A, payload: ActionRequest<A>, requestId?: string): Promise<ApiResult<ActionResponse<A>>>;
  /** Calls and expects success. */
  ok<A extends ActionName>(who: string, action: A, payload: ActionRequest<A>, requestId?: string): Promise<ActionResponse<A>>;
  /** Calls with any payload at all (for malformed-input tests). */
  raw(who: string, event: unknown): Promise<ApiResult<unknown>>;
  uploadMaterial(who: string, name?: string): Promise<string>;
  apply(who?: string, overrides?: Partial<ActionRequest<'applyForInspection'>>): Promise<CaseView>;
  close(): void;
}

/**
 * `config` overrides the deployment settings, e.g. to point Tencent Meeting at the loopback stand-in. `caseParties`
 * adds CASE_PARTIES and makes the contact and the observer parties of every case `apply` creates.
 */
export async function makeHarness(options: { config?: Partial<AppConfig>; caseParties?: boolean } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rvi-test-'));
  const clock = new TestClock();
  const deps = composeLocal({ dataDir, publicBaseUrl: 'http://127.0.0.1:0', config: { ...configFromEnv({}), localMode: true, ...options.config }, clock, pdf: inProcessPdf });
  for (const { matter, checklist } of PILOT_MATTERS) {
    await deps.store.insert('matters', matter.code, { ...matter, checklistVersion: 1 });
    await deps.store.insert('checklists', checklistId(matter.code, 1), { matterCode: matter.code, version: 1, items: checklist, publishedAt: clock.now().toISOString(), publishedBy: 'seed' });
  }
  for (const [openid, p] of Object.entries({ ...PEOPLE, ...(options.caseParties ? CASE_PARTIES : {}) })) {
    const user: UserRecord = { name: p.name, roles: p.roles, sectionCode: p.sectionCode, sectorCode: p.sectorCode, createdAt: clock.now().toISOString() };
    await deps.store.insert('users', openid, user);
  }
  const api = createApi(deps, ALL_ACTIONS);
  // Each application is by another company unless the test names one: one company may have only one open
  // application per matter. The first keeps validCreditCode(), which the blacklist tests list.
  let applications = 0;
  const nextCompanyCode = (): string => (applications++ === 0 ? validCreditCode() : validCreditCode(`91120110MA05K${String(applications).padStart(4, '0')}`));
  const h: Harness = {
    deps,
    clock,
    call: (who, action, payload, requestId) => api({ action, payload, ...(requestId ? { requestId } : {}) }, who) as never,
    async ok(who, action, payload, requestId) {
      const r = await h.call(who, action, payload, requestId);
      if (!r.ok) throw new Error(`${action} as ${who} failed: ${r.code} ${r.message}`);
      return r.data;
    },
    raw: (who, event) => api(event, who),
    async uploadMaterial(who, name = '营业执照副本.pdf') {
      const { cloudPath } = await h.ok(who, 'requestUpload', { fileName: name, size: 12, purpose: 'material' });
      return (await deps.files.put(cloudPath, Buffer.from('%PDF-1.4 test'))).fileId;
    },
    async apply(who = 'applicant', overrides = {}) {
      const fileId = await h.uploadMaterial(who);
      const view = await h.ok(who, 'applyForInspection', {
        matterCode: remoteMatter.code, mode: 'remote', materialFileIds: [fileId],
        company: { name: '天津东丽宏达物业管理有限公司', creditCode: nextCompanyCode() },
        applicantName: PEOPLE[who]?.name ?? '张三', applicantPhone: '13812345678',
        premises: { address: '天津市东丽区津塘公路398号', latitude: 39.0892, longitude: 117.3121 },
        ...overrides,
      });
      if (!options.caseParties) return view;
      const c = (await deps.store.get<CaseRecord>('cases', view.id))!;
      const { _id, _version, ...body } = c;
      const version = await deps.store.replace('cases', _id, _version, { ...body, contactIds: ['contact'], observerIds: ['observer'] });
      return { ...view, version: version! };
    },
    close() {
      deps.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
