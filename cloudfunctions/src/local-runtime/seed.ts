import type { ApiActions, ActionName } from '../../../typings/api';
import type { ApiResult } from '../../../typings/api';
import type { Deps } from '../api/context';
import { creditCodeCheckChar } from '../domain/credit-code';
import type { Matter } from '../domain/matter';
import { DEMO_ADMIN, DEMO_USERS } from './demo-users';

type Call = <A extends ActionName>(openid: string, action: A, payload: ApiActions[A]['req']) => Promise<ApiResult<ApiActions[A]['res']>>;

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
    await must(call(DEMO_ADMIN, 'grantRoles', { openid: u.openid, name: u.name, roles: u.roles, sectionCode: u.sectionCode, sectorCode: u.sectorCode }), `grantRoles ${u.openid}`);
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

  const [first, second] = [matters[0]!, matters[1] ?? matters[0]!];
  await apply(first, '天津东丽宏达物业管理有限公司', '91120110MA05K7QX3', '天津市东丽区津塘公路398号宏达大厦B1层水箱间');
  const accepted = await apply(second, '天津华昌精密制造有限公司', '91120110MA07B2LR1', '天津市东丽区华明高新区华丰路6号');
  await must(call('demo-staff', 'acceptCase', { caseId: accepted.id, version: accepted.version }), 'acceptCase');
  const returned = await apply(first, '天津滨海清泉供水服务有限公司', '91120110MA06C8PN5', '天津市东丽区先锋东路12号');
  await must(call('demo-staff', 'returnCase', { caseId: returned.id, version: returned.version, missing: '请补充最近一次水质检测报告（有资质检测机构出具）' }), 'returnCase');
  return true;
}
