import { installFakeWx, type FakeWx } from './support/fake-wx';
import { me } from './support/fixtures';
import { loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

test('the profile shows who I am, my roles and the 工作台 entry for staff', async () => {
  fake.server.on('whoami', me(['staff', 'sectionHead'], '刘强'));
  const p = loadPage('pages/profile/profile');
  p.page.onLoad({});
  await settled();

  expect(p.text()).toContain('刘强');
  expect(p.text()).toContain('审批工作人员、科长');
  await p.tap('#workbench');
  expect(fake.calls('navigateTo')[0]!.url).toBe('/package-staff/pages/workbench/workbench');
});

test('an applicant has no 工作台 entry', async () => {
  fake.server.on('whoami', me());
  const p = loadPage('pages/profile/profile');
  p.page.onLoad({});
  await settled();
  expect(p.exists('#workbench')).toBe(false);
});

test('a supervisor finds 监督工作台 and a regulator 监管收件箱 on the profile', async () => {
  fake.server.on('whoami', me(['supervisor', 'regulator'], '赵敏'));
  const p = loadPage('pages/profile/profile');
  p.page.onLoad({});
  await settled();

  await p.tap('#supervise');
  await p.tap('#regulator-inbox');
  expect(fake.calls('navigateTo').map((c) => c.url)).toEqual([
    '/package-supervise/pages/dashboard/dashboard',
    '/package-supervise/pages/regulator-inbox/regulator-inbox',
  ]);
});

test('everyone finds 我的信用记录, and an applicant no supervision entries', async () => {
  fake.server.on('whoami', me());
  const p = loadPage('pages/profile/profile');
  p.page.onLoad({});
  await settled();

  expect(p.exists('#supervise')).toBe(false);
  expect(p.exists('#regulator-inbox')).toBe(false);
  await p.tap('#credit');
  expect(fake.calls('navigateTo')[0]!.url).toBe('/pages/credit/credit');
});

test('the identity switcher appears in local mode and relaunches as the chosen demo user', async () => {
  fake.server.on('whoami', me());
  const p = loadPage('pages/profile/profile');
  p.page.onLoad({});
  await settled();
  expect(p.text()).toContain('王芳（审批工作人员）');

  p.page.onSwitchIdentity({ currentTarget: { dataset: { openid: 'demo-staff' } } });
  expect(fake.storage.get('dev.openid')).toBe('demo-staff');
  expect(fake.calls('reLaunch')[0]!.url).toBe('/pages/profile/profile');
});

test('the identity switcher is hidden in a published build', async () => {
  fake.wx.getAccountInfoSync = () => ({ miniProgram: { envVersion: 'release' } });
  fake.server.on('whoami', me());
  const p = loadPage('pages/profile/profile');
  p.page.onLoad({});
  await settled();
  expect(p.exists('#identity-switcher')).toBe(false);
  expect(fake.calls('cloud.callFunction')).toHaveLength(1);
});

test('one’s own name and phone are kept from 我的', async () => {
  fake.server.on('whoami', me([], '张三')).on('updateProfile', { openid: 'demo-user', name: '张三丰', phoneMasked: '138****5678', roles: [] });
  const p = loadPage('pages/profile/profile');
  p.page.onLoad({});
  await settled();
  await p.tap('#edit-profile');
  await p.type('#edit-name', '张三丰');
  await p.type('#edit-phone', '13812345678');
  await p.tap('#save-profile');
  expect(fake.server.sent('updateProfile')).toEqual([{ name: '张三丰', phone: '13812345678' }]);
  expect(p.comp.querySelector('#name')!.dom!.textContent).toBe('张三丰');
});
