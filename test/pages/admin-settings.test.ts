import type { SettingsView } from '../../typings/api';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { me } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const view = (overrides: Partial<SettingsView> = {}): SettingsView => ({
  version: 0, officeName: '东丽区行政审批局', district: '天津市东丽区', trialStart: '2022-06-14', trialMonths: 12,
  drawShareBasisPoints: 1000, dailyMaximum: 6, premisesThresholdMeters: 500, subscribeTemplateIds: { caseProgress: 'tmpl-1' },
  tencentMeetingConfigured: false,
  templates: [{ key: 'caseProgress', title: '办件进度通知' }, { key: 'todo', title: '待办事项提醒' }],
  ...overrides,
});

async function open(): Promise<LoadedPage> {
  const p = loadPage('package-admin/pages/settings/settings');
  p.page.onLoad({});
  await settled();
  return p;
}

test('the settings in force are shown, the share in basis points with its percent, the meeting secret never', async () => {
  fake.server.on('whoami', me(['admin'])).on('getSettings', view());
  const p = await open();
  expect(p.text()).toContain('当前为部署时环境变量中的初始值');
  expect(p.comp.querySelector('#share-hint')!.dom!.textContent).toBe('即 10%（1000 万分点 = 10%，不得低于 10%）');
  expect(p.text()).toContain('未配置：经办人手动填写腾讯会议号');
  expect(p.page.data.templates).toEqual([
    { key: 'caseProgress', title: '办件进度通知', id: 'tmpl-1' },
    { key: 'todo', title: '待办事项提醒', id: '' },
  ]);
});

test('a 57% share is typed as 5700 basis points and saved as that integer with the rest of the form', async () => {
  fake.server
    .on('whoami', me(['admin'], '管理员'))
    .on('getSettings', view())
    .on('saveSettings', (s: SettingsView) => view({ ...s, version: 1, updatedAt: '2026-12-03T02:00:00.000Z', updatedByName: '管理员' }));
  const p = await open();
  await p.type('#drawShareBasisPoints', '5700');
  expect(p.comp.querySelector('#share-hint')!.dom!.textContent).toBe('即 57%（1000 万分点 = 10%，不得低于 10%）');
  await p.type('#drawShareBasisPoints', '1234');
  expect(p.comp.querySelector('#share-hint')!.dom!.textContent).toContain('即 12.34%');
  await p.type('#drawShareBasisPoints', '5700');
  await p.type('#dailyMaximum', '4');
  await p.type('#template-todo', ' tmpl-todo ');
  await p.tap('#save');
  expect(fake.server.sent('saveSettings')).toEqual([{
    version: 0, officeName: '东丽区行政审批局', district: '天津市东丽区', trialStart: '2022-06-14', trialMonths: 12,
    drawShareBasisPoints: 5700, dailyMaximum: 4, premisesThresholdMeters: 500, subscribeTemplateIds: { caseProgress: 'tmpl-1', todo: 'tmpl-todo' },
  }]);
  expect(p.text()).toContain('管理员 于 2026-12-03 10:00 修改');
  expect(p.page.data.version).toBe(1);
});

test('a fraction is refused on the page, and a refusal from the server is shown', async () => {
  fake.server.on('whoami', me(['admin'])).on('getSettings', view()).refuse('saveSettings', 'VALIDATION', '抽查比例：抽查比例不能小于1000');
  const p = await open();
  await p.type('#drawShareBasisPoints', '0.57');
  expect(p.comp.querySelector('#share-hint')!.dom!.textContent).toBe('请填写整数个万分点，如 1000 表示 10%');
  await p.tap('#save');
  expect(p.text()).toContain('数字项请填写整数');
  expect(fake.server.sent('saveSettings')).toHaveLength(0);
  await p.type('#drawShareBasisPoints', '900');
  await p.tap('#save');
  expect(p.comp.querySelector('#save-error')!.dom!.textContent).toBe('抽查比例：抽查比例不能小于1000');
});

test('only an admin sees the settings', async () => {
  fake.server.on('whoami', me(['supervisor']));
  const p = await open();
  expect(p.text()).toContain('系统设置仅供系统管理员维护');
  expect(fake.server.sent('getSettings')).toHaveLength(0);
});
