import type { SectionCaseRow, SectionWorkbench } from '../../typings/api';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { me } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const bench = (overrides: Partial<SectionWorkbench> = {}): SectionWorkbench => ({
  sectionCode: 'SOCIAL',
  states: [
    { state: 'submitted', label: '待受理', count: 1 }, { state: 'accepted', label: '已受理', count: 1 },
    { state: 'rectifying', label: '限期整改', count: 1 }, { state: 'scheduled', label: '已预约', count: 0 },
  ],
  officers: [{ openid: 'demo-staff', name: '王芳', open: 2, overdue: 1 }, { openid: 'demo-staff-2', name: '赵磊', open: 0, overdue: 0 }],
  unassigned: 1, overdue: 1, ...overrides,
});

const row = (id: string, overrides: Partial<SectionCaseRow> = {}): SectionCaseRow => ({
  id, version: 3, number: `DL-20260612-000${id.slice(-1)}`, matterName: '二次供水单位卫生许可', companyName: '天津某某物业有限公司',
  state: 'accepted', stateLabel: '已受理', handlerId: 'demo-staff', handlerName: '王芳', submittedAt: '2026-06-12T01:00:00.000Z', ...overrides,
});

async function open(): Promise<LoadedPage> {
  const p = loadPage('package-staff/pages/section/section');
  p.page.onLoad({});
  await settled();
  return p;
}

test('the section’s open cases by state, each officer’s load and the overdue ones, filtered by a tap', async () => {
  fake.server
    .on('getSectionWorkbench', bench())
    .on('listSectionCases', ({ overdueOnly }: { overdueOnly?: boolean }) => {
      const items = overdueOnly ? [row('c2', { state: 'rectifying', stateLabel: '限期整改', overdue: '整改期限6月3日已过，待作出决定' })] : [row('c1'), row('c2', { overdue: '整改期限6月3日已过，待作出决定' })];
      return { items, total: items.length, offset: 0, limit: 10 };
    });
  const p = await open();
  expect(p.text()).toContain('待受理 1');
  expect(p.text()).not.toContain('已预约 0');
  expect(p.text()).toContain('待受理（尚无经办人）1 件');
  expect(p.comp.querySelector('#officer-demo-staff')!.dom!.textContent).toContain('在办 2 件，逾期 1 件');
  await p.tap('#filter-overdue');
  expect(fake.server.sent('listSectionCases').slice(-1)[0]).toEqual({ offset: 0, limit: 10, overdueOnly: true });
  expect(p.text()).toContain('整改期限6月3日已过，待作出决定');
  await p.tap('#officer-demo-staff-2');
  expect(fake.server.sent('listSectionCases').slice(-1)[0]).toEqual({ offset: 0, limit: 10, handlerId: 'demo-staff-2' });
  await p.tap('#officer-demo-staff-2');
  expect(fake.server.sent('listSectionCases').slice(-1)[0]).toEqual({ offset: 0, limit: 10 });
});

test('a case is reassigned from the list to a colleague with a reason', async () => {
  fake.server
    .on('getSectionWorkbench', bench())
    .on('listSectionCases', { items: [row('c1')], total: 1, offset: 0, limit: 10 })
    .on('listSectionStaff', [{ openid: 'demo-staff', name: '王芳', roles: ['staff'] }, { openid: 'demo-staff-2', name: '赵磊', roles: ['staff'] }])
    .on('reassignCase', {});
  const p = await open();
  await p.tap('#open-move-c1');
  expect(fake.server.sent('listSectionStaff')).toEqual([{ sectionCode: 'SOCIAL' }]);
  p.page.onPickStaff({ detail: { value: '0' } });
  await p.tap('#confirm-move');
  expect(p.comp.querySelector('#move-error')!.dom!.textContent).toBe('接办人员与当前经办人相同');
  p.page.onPickStaff({ detail: { value: '1' } });
  await p.type('#move-reason', '王芳休假');
  await p.tap('#confirm-move');
  expect(fake.server.sent('reassignCase')).toEqual([{ caseId: 'c1', version: 3, toOpenid: 'demo-staff-2', reason: '王芳休假' }]);
  expect(fake.server.sent('getSectionWorkbench')).toHaveLength(2);
});

test('a refusal to load offers 重试, and section heads find the page from 我的', async () => {
  fake.server.refuse('getSectionWorkbench', 'FORBIDDEN', '您尚未分配到审批科室');
  const p = await open();
  expect(p.text()).toContain('您尚未分配到审批科室');

  fake.server.on('whoami', me(['staff', 'sectionHead'], '刘强'));
  const profile = loadPage('pages/profile/profile');
  profile.page.onLoad({});
  await settled();
  await profile.tap('#section-workbench');
  expect(fake.calls('navigateTo')[0]).toMatchObject({ url: '/package-staff/pages/section/section' });
});
