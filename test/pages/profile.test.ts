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
