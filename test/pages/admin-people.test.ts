import type { UserView } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const people: UserView[] = [
  { openid: 'u1', name: '王芳', phoneMasked: '138****5678', roles: ['staff'], sectionCode: 'SOCIAL' },
  { openid: 'u2', name: '张三', roles: [] },
];

async function open(): Promise<LoadedPage> {
  const p = loadPage('package-admin/pages/people/people');
  p.page.onLoad({});
  await settled();
  return p;
}

test('people are listed with masked phones and roles, and searched by name and role', async () => {
  fake.server.on('listUsers', ({ search, role }: { search?: string; role?: string }) => {
    const items = people.filter((u) => (!search || u.name.includes(search)) && (!role || (role === 'none' ? !u.roles.length : u.roles.includes(role as never))));
    return { items, total: items.length, offset: 0, limit: 10 };
  });
  const p = await open();
  expect(p.text()).toContain('138****5678');
  expect(p.text()).toContain('审批工作人员');
  expect(p.text()).toContain('未授予角色');
  await p.type('#search', '王');
  await p.tap('#do-search');
  expect(fake.server.sent('listUsers').slice(-1)[0]).toEqual({ offset: 0, limit: 10, search: '王' });
  expect(p.page.data.list.items.map((r: { name: string }) => r.name)).toEqual(['王芳']);
  await p.type('#search', '');
  await p.tap('#filter-none');
  expect(fake.server.sent('listUsers').slice(-1)[0]).toEqual({ offset: 0, limit: 10, role: 'none' });
  expect(p.page.data.list.items.map((r: { name: string }) => r.name)).toEqual(['张三']);
});

test('a person’s roles are changed with a reason, and their history is shown', async () => {
  fake.server
    .on('listUsers', { items: people, total: 2, offset: 0, limit: 10 })
    .on('listRoleChanges', { items: [{ at: '2026-06-01T02:00:00.000Z', byName: '管理员', before: [], after: ['staff'], sectionCode: 'SOCIAL', reason: '新入职审批人员' }], total: 1, offset: 0, limit: 20 })
    .on('grantRoles', { openid: 'u1', name: '王芳', phoneMasked: '138****5678', roles: ['staff', 'sectionHead'], sectionCode: 'SOCIAL' });
  const p = await open();
  await p.tap('#person-u1');
  expect(fake.server.sent('listRoleChanges')).toEqual([{ openid: 'u1', offset: 0, limit: 20 }]);
  expect(p.text()).toContain('2026-06-01 10:00 管理员：未授予角色 → 审批工作人员（新入职审批人员）');
  await p.tap('#role-sectionHead');
  await p.tap('#save-roles');
  expect(p.text()).toContain('请写明理由');
  expect(fake.server.sent('grantRoles')).toHaveLength(0);
  await p.type('#editor-reason', '任命为科长');
  await p.tap('#save-roles');
  expect(fake.server.sent('grantRoles')).toEqual([{ openid: 'u1', name: '王芳', roles: ['staff', 'sectionHead'], sectionCode: 'SOCIAL', reason: '任命为科长' }]);
  expect(p.text()).toContain('审批工作人员、科长');
});

test('the server’s refusal to drop the last admin is shown in the panel', async () => {
  fake.server
    .on('listUsers', { items: [{ openid: 'me', name: '管理员', roles: ['admin'] }], total: 1, offset: 0, limit: 10 })
    .on('listRoleChanges', { items: [], total: 0, offset: 0, limit: 20 })
    .refuse('grantRoles', 'VALIDATION', '这是唯一的系统管理员，须先授予另一人管理员角色，才能取消');
  const p = await open();
  await p.tap('#person-me');
  await p.tap('#role-admin');
  await p.type('#editor-reason', '交接工作');
  await p.tap('#save-roles');
  expect(p.comp.querySelector('#panel-error')!.dom!.textContent).toBe('这是唯一的系统管理员，须先授予另一人管理员角色，才能取消');
});

test('a new officer is added by a one-time binding link sent as a share card', async () => {
  fake.server
    .on('listUsers', { items: people, total: 2, offset: 0, limit: 10 })
    .on('createBindingInvite', { token: 'a'.repeat(32), path: `pages/bind-account/bind-account?token=${'a'.repeat(32)}`, expiresAt: '2026-06-15T01:30:00.000Z' });
  const p = await open();
  await p.tap('#open-invite');
  await p.type('#editor-name', '郑新');
  await p.tap('#create-invite');
  expect(p.text()).toContain('审批工作人员和科长须选择所属科室');
  // No catalogue yet (this server answers no listMatters): the code is typed.
  expect(p.text()).toContain('事项目录安装后，可在此直接选择科室');
  await p.type('#editor-section', 'social');
  await p.type('#editor-reason', '新入职审批人员');
  await p.tap('#create-invite');
  expect(fake.server.sent('createBindingInvite')).toEqual([{ name: '郑新', roles: ['staff'], sectionCode: 'SOCIAL', reason: '新入职审批人员' }]);
  expect(p.text()).toContain('2026-06-15 09:30 前有效，仅可使用一次');
  const share = p.page.onShareAppMessage({ from: 'button' });
  expect(share).toEqual({ title: '郑新，请绑定您的工作人员身份', path: `/pages/bind-account/bind-account?token=${'a'.repeat(32)}` });
  expect(p.page.data.invite).toBeNull();
});

test('the sections are chosen by name from the matter catalogue, and a person’s section shows by name', async () => {
  const matter = (code: string, sectionCode: string, sectionName: string, sectorCode = 'REG-HEALTH', regulatorName = '天津市东丽区卫生健康委员会') =>
    ({ code, name: code, sectionCode, sectionName, sectorCode, regulatorName, remoteAllowed: true, checklistVersion: 1 });
  fake.server
    .on('listUsers', { items: people, total: 2, offset: 0, limit: 10 })
    .on('listMatters', [matter('M1', 'SOCIAL', '社会事务审批科'), matter('M2', 'SOCIAL', '社会事务审批科'), matter('M3', 'MARKET', '市场准入审批科')])
    .on('createBindingInvite', { token: 'a'.repeat(32), path: `pages/bind-account/bind-account?token=${'a'.repeat(32)}`, expiresAt: '2026-06-15T01:30:00.000Z' });
  const p = await open();
  expect(p.text()).toContain('科室 社会事务审批科');
  await p.tap('#open-invite');
  expect(p.comp.querySelector('#sections')!.dom!.textContent).toBe('社会事务审批科市场准入审批科');
  await p.type('#editor-name', '吴敏');
  await p.tap('#section-MARKET');
  await p.type('#editor-reason', '新入职审批人员');
  await p.tap('#create-invite');
  expect(fake.server.sent('createBindingInvite')).toEqual([{ name: '吴敏', roles: ['staff'], sectionCode: 'MARKET', reason: '新入职审批人员' }]);
});

test('a regulator’s sector is chosen by the regulator’s name, and shows by name in the list', async () => {
  const matter = (code: string, sectorCode: string, regulatorName: string) =>
    ({ code, name: code, sectionCode: 'SOCIAL', sectionName: '社会事务审批科', sectorCode, regulatorName, remoteAllowed: true, checklistVersion: 1 });
  const regulator: UserView = { openid: 'reg-1', name: '赵监管', roles: ['regulator'], sectorCode: 'REG-ECO' };
  fake.server
    .on('listUsers', { items: [regulator], total: 1, offset: 0, limit: 10 })
    .on('listMatters', [matter('M1', 'REG-HEALTH', '天津市东丽区卫生健康委员会'), matter('M2', 'REG-ECO', '天津市东丽区生态环境局')])
    .on('createBindingInvite', { token: 'c'.repeat(32), path: `pages/bind-account/bind-account?token=${'c'.repeat(32)}`, expiresAt: '2026-06-15T01:30:00.000Z' });
  const p = await open();
  expect(p.text()).toContain('行业 天津市东丽区生态环境局');
  expect(p.text()).not.toContain('REG-ECO');
  await p.tap('#open-invite');
  expect(p.comp.querySelector('#sectors')!.dom!.textContent).toBe('天津市东丽区卫生健康委员会天津市东丽区生态环境局');
  await p.type('#editor-name', '钱监管');
  await p.tap('#role-staff');
  await p.tap('#role-regulator');
  await p.type('#editor-reason', '新任行业监管联络人');
  await p.tap('#create-invite');
  expect(p.text()).toContain('行业监管部门人员须选择所属行业监管部门');
  expect(fake.server.sent('createBindingInvite')).toEqual([]);
  await p.tap('#sector-REG-HEALTH');
  await p.tap('#create-invite');
  expect(fake.server.sent('createBindingInvite')).toEqual([{ name: '钱监管', roles: ['regulator'], sectorCode: 'REG-HEALTH', reason: '新任行业监管联络人' }]);
});

describe('绑定工作人员身份', () => {
  async function openBind(query: Record<string, string>): Promise<LoadedPage> {
    const p = loadPage('pages/bind-account/bind-account');
    p.page.onLoad(query);
    await settled();
    return p;
  }

  test('nothing is bound before the tap; the tap binds and shows the roles', async () => {
    fake.server.on('claimBindingInvite', { openid: 'newcomer', name: '郑新', roles: ['staff'], sectionCode: 'SOCIAL' });
    const p = await openBind({ token: 'b'.repeat(32) });
    expect(fake.server.sent('claimBindingInvite')).toHaveLength(0);
    await p.tap('#bind');
    expect(fake.server.sent('claimBindingInvite')).toEqual([{ token: 'b'.repeat(32) }]);
    expect(p.text()).toContain('郑新，您的角色：审批工作人员');
  });

  test('a spent link says so', async () => {
    fake.server.refuse('claimBindingInvite', 'INVALID_STATE', '此邀请链接已被使用，请向管理员重新索取');
    const p = await openBind({ token: 'c'.repeat(32) });
    await p.tap('#bind');
    expect(p.text()).toContain('此邀请链接已被使用，请向管理员重新索取');
    const q = await openBind({});
    expect(q.text()).toContain('链接不完整');
  });
});
