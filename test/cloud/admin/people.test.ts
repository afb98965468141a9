import { type Harness, makeHarness, remoteMatter } from '../../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const SECTION = remoteMatter.sectionCode;

describe('人员与角色', () => {
  it('finds people by part of the name and by role, phones masked', async () => {
    await h.ok('applicant', 'updateProfile', { name: '张三', phone: '13812345678' });
    const byName = await h.ok('admin', 'listUsers', { search: '张' });
    expect(byName.items).toEqual([{ openid: 'applicant', name: '张三', phoneMasked: expect.stringMatching(/^138\*+5678$/), roles: [] }]);
    const staff = await h.ok('admin', 'listUsers', { role: 'staff' });
    expect(staff.items.map((u) => u.name).sort()).toEqual(['刘强', '孙丽', '王芳', '赵磊'].sort());
    expect((await h.ok('admin', 'listUsers', { role: 'none' })).items.map((u) => u.name).sort()).toEqual(['张三', '钱七'].sort());
    expect((await h.ok('admin', 'listUsers', { limit: 3 })).total).toBe(10);
  });

  it('adds an officer by a one-time link the person opens in WeChat, never by a typed openid', async () => {
    const invite = await h.ok('admin', 'createBindingInvite', { name: '郑新', roles: ['staff'], sectionCode: SECTION, reason: '新入职审批人员' });
    expect(invite.path).toBe(`pages/bind-account/bind-account?token=${invite.token}`);
    expect(await h.deps.store.count('bindingInvites', {})).toBe(1);
    // Only the token's hash is stored.
    expect(JSON.stringify(await h.deps.store.find('bindingInvites', {}))).not.toContain(invite.token);

    const bound = await h.ok('newcomer', 'claimBindingInvite', { token: invite.token });
    expect(bound).toEqual({ openid: 'newcomer', name: '郑新', roles: ['staff'], sectionCode: SECTION });
    expect((await h.ok('newcomer', 'whoami', {})).roles).toEqual(['applicant', 'staff']);
    expect(await h.call('someone-else', 'claimBindingInvite', { token: invite.token })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '此邀请链接已被使用，请向管理员重新索取' });
    expect(await h.call('newcomer', 'claimBindingInvite', { token: invite.token })).toMatchObject({ ok: false, message: '您已通过此链接完成绑定' });

    const history = await h.ok('admin', 'listRoleChanges', { openid: 'newcomer' });
    expect(history.items).toEqual([{ at: h.clock.now().toISOString(), byName: '本人', before: [], after: ['staff'], sectionCode: SECTION, reason: '新入职审批人员（管理员发出的绑定链接）' }]);
  });

  it('lets a link expire after 72 hours, and refuses one with no section for staff', async () => {
    const invite = await h.ok('admin', 'createBindingInvite', { name: '郑新', roles: ['staff'], sectionCode: SECTION, reason: '新入职审批人员' });
    h.clock.advance(72 * 3_600_000);
    expect(await h.call('newcomer', 'claimBindingInvite', { token: invite.token })).toMatchObject({ ok: false, message: '邀请链接已过期，请向管理员重新索取' });
    expect(await h.call('admin', 'createBindingInvite', { name: '郑新', roles: ['staff'], reason: '新入职审批人员' })).toMatchObject({ ok: false, message: '审批工作人员和科长须指定所属科室' });
    expect(await h.call('newcomer', 'claimBindingInvite', { token: 'f'.repeat(32) })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('grants and revokes with a reason kept in the history, newest first', async () => {
    await h.ok('admin', 'grantRoles', { openid: 'staff', name: '王芳', roles: ['staff', 'sectionHead'], sectionCode: SECTION, reason: '任命为科长' });
    h.clock.advance(60_000);
    await h.ok('admin', 'grantRoles', { openid: 'staff', name: '王芳', roles: [], reason: '调离审批岗位' });
    const history = (await h.ok('admin', 'listRoleChanges', { openid: 'staff' })).items;
    expect(history.map((c) => [c.before, c.after, c.reason, c.byName])).toEqual([
      [['staff', 'sectionHead'], [], '调离审批岗位', '管理员'],
      [['staff'], ['staff', 'sectionHead'], '任命为科长', '管理员'],
    ]);
    expect(await h.call('admin', 'grantRoles', { openid: 'staff', name: '王芳', roles: ['staff'], sectionCode: SECTION } as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('never leaves the office without an admin: the last admin cannot drop their own role, one of two can', async () => {
    expect(await h.call('admin', 'grantRoles', { openid: 'admin', name: '管理员', roles: ['supervisor'], reason: '交接工作' })).toMatchObject({
      ok: false, code: 'VALIDATION', message: '这是唯一的系统管理员，须先授予另一人管理员角色，才能取消',
    });
    await h.ok('admin', 'grantRoles', { openid: 'supervisor', name: '陈静', roles: ['supervisor', 'admin'], reason: '接任系统管理员' });
    expect((await h.ok('admin', 'grantRoles', { openid: 'admin', name: '管理员', roles: [], reason: '交接工作' })).roles).toEqual([]);
    expect(await h.call('supervisor', 'grantRoles', { openid: 'supervisor', name: '陈静', roles: ['supervisor'], reason: '交接工作' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});
