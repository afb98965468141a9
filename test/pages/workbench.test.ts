import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseSummary, me } from './support/fixtures';
import { loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const page = (items: ReturnType<typeof caseSummary>[]) => ({ items, total: items.length, offset: 0, limit: 10 });

test('the workbench shows the section queue and my cases filtered by state', async () => {
  fake.server
    .on('whoami', me(['staff'], '王芳'))
    .on('listSectionSubmissions', page([caseSummary(1), caseSummary(2)]))
    .on('listHandlerCases', ({ state }: { state?: string }) =>
      page(state === 'ready' ? [caseSummary(5, { state: 'ready', stateLabel: '待预约', handlerName: '王芳', acceptedAt: '2026-06-12T02:00:00Z' })] : []));
  const p = loadPage('package-staff/pages/workbench/workbench');
  p.page.onLoad({});
  await settled();

  expect(p.text()).toContain('待受理（2）');
  expect(p.text()).toContain('天津东丽第2供水有限公司');

  await p.tap('#tab-mine');
  expect(p.text()).toContain('暂无此状态的办件');
  p.page.onFilter({ currentTarget: { dataset: { state: 'ready' } } });
  await settled();

  expect(fake.server.sent('listHandlerCases')).toEqual([{ offset: 0, limit: 10 }, { offset: 0, limit: 10, state: 'ready' }]);
  expect(p.text()).toContain('受理于 2026-06-12 10:00 · 王芳');
});

test('the workbench is closed to an applicant', async () => {
  fake.server.on('whoami', me());
  const p = loadPage('package-staff/pages/workbench/workbench');
  p.page.onLoad({});
  await settled();
  expect(p.text()).toContain('工作台仅供审批工作人员使用');
  expect(fake.server.sent('listSectionSubmissions')).toHaveLength(0);
});
