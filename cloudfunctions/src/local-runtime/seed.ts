import type { ApiActions, ActionName } from '../../../typings/api';
import type { ApiResult } from '../../../typings/api';
import type { CaseView } from '../../../typings/models';
import type { Deps } from '../api/context';
import { yearsAround } from '../ports/calendar';
import { chinaDateOf, chinaTime } from '../domain/china-time';
import { addWorkingDays } from '../domain/working-days';
import { creditCodeCheckChar } from '../domain/credit-code';
import type { Matter } from '../domain/matter';
import { DEMO_ADMIN, DEMO_USERS } from './demo-users';

export type Call = <A extends ActionName>(openid: string, action: A, payload: ApiActions[A]['req']) => Promise<ApiResult<ApiActions[A]['res']>>;

const withCheckChar = (first17: string): string => first17 + creditCodeCheckChar(first17);

async function must<T>(result: Promise<ApiResult<T>>, what: string): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`seeding failed at ${what}: ${r.code} ${r.message}`);
  return r.data;
}

/**
 * Demo data for `npm start`, made through the same actions a user would call, so every demo case has its audit
 * trail. Runs once on an empty database; returns whether it seeded.
 */
export async function seedDemo(deps: Deps, call: Call): Promise<boolean> {
  if ((await deps.store.count('matters')) > 0) return false;
  await must(call(DEMO_ADMIN, 'installPilotMatters', {}), 'installPilotMatters');
  for (const u of DEMO_USERS) {
    await must(call(DEMO_ADMIN, 'grantRoles', { openid: u.openid, name: u.name, roles: u.roles, sectionCode: u.sectionCode, sectorCode: u.sectorCode, reason: '本地演示数据' }), `grantRoles ${u.openid}`);
  }
  const staff = DEMO_USERS.find((u) => u.openid === 'demo-staff')!;
  const matters = await deps.store.find<Matter>('matters', { where: { sectionCode: staff.sectionCode ?? '', remoteAllowed: true }, limit: 10 });
  if (!matters.length) throw new Error(`no remote-allowed pilot matter in section ${staff.sectionCode}`);

  const apply = async (matter: Matter, company: string, code17: string, address: string) => {
    const { cloudPath } = await must(call('demo-applicant', 'requestUpload', { fileName: '营业执照副本.pdf', size: 64, purpose: 'material' }), 'requestUpload');
    const file = await deps.files.put(cloudPath, Buffer.from('%PDF-1.4\n% demo material for the local runtime\n'));
    return must(
      call('demo-applicant', 'applyForInspection', {
        matterCode: matter.code, mode: 'remote', materialFileIds: [file.fileId],
        company: { name: company, creditCode: withCheckChar(code17) },
        applicantName: '张三', applicantPhone: '13812345678',
        premises: { address, latitude: 39.0892, longitude: 117.3121 },
      }),
      `apply ${company}`,
    );
  };

  // Water-supply premises for 二次供水单位卫生许可, a plant for 职业病放射防护设施竣工验收: both in the demo regulator's sector.
  const byCode = (code: string) => matters.find((m) => m.code === code) ?? matters[0]!;
  const [first, second] = [byCode('TJDL-HEA-002'), byCode('TJDL-HEA-001')];
  await apply(first, '天津东丽宏达物业管理有限公司', '91120110MA05K7QX3', '天津市东丽区津塘公路398号宏达大厦B1层水箱间');
  const accepted = await apply(second, '天津华昌精密制造有限公司', '91120110MA07B2LR1', '天津市东丽区华明高新区华丰路6号');
  await must(call('demo-staff', 'acceptCase', { caseId: accepted.id, version: accepted.version }), 'acceptCase');
  const returned = await apply(first, '天津滨海清泉供水服务有限公司', '91120110MA06C8PN5', '天津市东丽区先锋东路12号');
  await must(call('demo-staff', 'returnCase', { caseId: returned.id, version: returned.version, missing: '请补充最近一次水质检测报告（有资质检测机构出具）' }), 'returnCase');

  // Signed, in the group and booked with a pasted meeting code; then one signed and waiting in the ready queue
  // (accepted later, so the booked one was served in acceptance order).
  const scheduled = await signedAndReady(deps, call, await apply(first, '天津东丽金桥物业服务有限公司', '91120110MA09D4TW2', '天津市东丽区金桥街道金钟路18号地下一层水泵房'));
  const start = chinaTime(`${chinaDateOf(addWorkingDays(deps.clock.now(), 1, await yearsAround(deps.calendar, deps.clock.now())))} 10:00`).toISOString();
  await bookAt(call, scheduled, start);
  await signedAndReady(deps, call, await apply(second, '天津东丽华兴电子科技有限公司', '91120110MA0AF6KM8', '天津市东丽区华明街道弘贯路9号'));
  return true;
}

/** Who plays the applicant and the handler of a case made ready or booked here. */
export interface Cast {
  applicant: string;
  staff: string;
}

const DEMO_CAST: Cast = { applicant: 'demo-applicant', staff: 'demo-staff' };

/** The handler offers this one start and the applicant books it; a meeting code is pasted if none was made. */
export async function bookAt(call: Call, ready: CaseView, start: string, cast: Cast = DEMO_CAST): Promise<CaseView> {
  const offered = await must(call(cast.staff, 'offerSlots', { caseId: ready.id, version: ready.version, starts: [start] }), 'offerSlots');
  const booked = await must(call(cast.applicant, 'bookSlot', { caseId: ready.id, version: offered.case.version, start }), 'bookSlot');
  if (booked.meeting?.meetingCode) return booked.case;
  const pasted = '点击链接入会，或添加至会议列表：\nhttps://meeting.tencent.com/dm/DemoRvi2026\n\n#腾讯会议：806-512-347';
  return (await must(call(cast.staff, 'setMeetingManually', { caseId: ready.id, version: booked.case.version, pasted }), 'setMeetingManually')).case;
}

// A handwritten stroke, as the signature pad exports it (120×40 PNG), for the demo signatures.
const DEMO_SIGNATURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAHgAAAAoCAYAAAA16j4lAAABIUlEQVR4nO2YUQ7CQAgFe4gex/tfS7+aNBuXtpSFB7xJ+mdkBjQmbhshhBBCCCGEkMzs++c7e6LdVlO6XYorFztQvv1JYOrQP5RvvxtQInbgTbu/rQKtdMrYE9qDpTr0W8k0oQMW3vDdVoLZjmzpC9tsfZBMR17RbvE+Zqw8BPqBs3wI1awORF4gspsJXoGIi0R0MsU7EGmhLi6RoVHLRjiym0NkKMLsiPmus6O/RZ4zZw7l2/k76OcR1u01GOm4B23aVw8PD5zg4QXR7vFPEtpxD9q0r5CBChRo024pBRko0Kb9LKcVhA4UeNtusTsXtKJpAgXatI/Ckvjd12XhSU/69tmhpSfa2QJNd9r20nEXtGovHXdB53ZCCCGEEEJ68ANddhHZW6rEPAAAAABJRU5ErkJggg==',
  'base64',
);

/** Accepts the case, has the applicant sign both forms (the handler countersigns) and open the group: ready. */
async function signedAndReady(deps: Deps, call: Call, applied: CaseView): Promise<CaseView> {
  const c = await must(call('demo-staff', 'acceptCase', { caseId: applied.id, version: applied.version }), 'acceptCase');
  return signAndOpenGroup(call, async (_, cloudPath, bytes) => (await deps.files.put(cloudPath, bytes)).fileId, c);
}

/** Stores a file at the place requestUpload handed this person; answers its file id. */
export type PutFile = (openid: string, cloudPath: string, bytes: Buffer) => Promise<string>;

/** An accepted case: the applicant signs both forms, the handler countersigns, the applicant opens the group. */
export async function signAndOpenGroup(call: Call, put: PutFile, accepted: CaseView, cast: Cast = DEMO_CAST): Promise<CaseView> {
  let c = accepted;
  const signature = async (openid: string) => {
    const { cloudPath } = await must(call(openid, 'requestUpload', { fileName: 'signature.png', size: DEMO_SIGNATURE_PNG.length, purpose: 'signature' }), 'requestUpload');
    return put(openid, cloudPath, DEMO_SIGNATURE_PNG);
  };
  for (const kind of ['consent', 'commitment'] as const) {
    const forms = await must(call(cast.applicant, 'getCaseForms', { caseId: c.id }), 'getCaseForms');
    const templateVersion = forms.forms.find((f) => f.kind === kind)!.version;
    c = (await must(call(cast.applicant, 'signForm', { caseId: c.id, version: c.version, kind, templateVersion, signatureFileId: await signature(cast.applicant) }), `sign ${kind}`)).case;
  }
  c = (await must(call(cast.staff, 'countersignConsent', { caseId: c.id, version: c.version, signatureFileId: await signature(cast.staff) }), 'countersignConsent')).case;
  return (await must(call(cast.applicant, 'openGroup', { caseId: c.id }), 'openGroup')).case;
}
