import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseSummary, caseView, me } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

// 长辈模式: app.ts adds the elderMode behavior to every Page(); the root view carries `elder`, whose variables
// (app.wxss) enlarge type and tap targets on the page and in its components.

let fake: FakeWx;
let fontSizeSetting = 17;

beforeAll(() => {
  (globalThis as any).App = () => undefined;
  // As in the Mini Program: app.ts runs first and wraps Page for every page after it.
  require('../../miniprogram/app');
});

beforeEach(() => {
  fake = installFakeWx();
  fontSizeSetting = 17;
  fake.wx.getAppBaseInfo = () => ({ fontSizeSetting });
});

async function openMyCases(): Promise<LoadedPage> {
  fake.server.on('listMyCases', { items: [caseSummary(1)], total: 1, offset: 0, limit: 10 });
  const p = loadPage('pages/my-cases/my-cases');
  p.page.onLoad({});
  await settled();
  return p;
}

const rootClass = (p: LoadedPage) => p.comp.querySelector('.page')!.dom!.className as string;

test('off by default at WeChat\'s standard font size', async () => {
  const p = await openMyCases();
  expect(p.page.data.elder).toBe(false);
  expect(rootClass(p)).not.toMatch(/elder/);
});

test('on when WeChat\'s font size is large, until the person chooses', async () => {
  fontSizeSetting = 19.5;
  let p = await openMyCases();
  expect(p.page.data.elder).toBe(true);
  expect(rootClass(p)).toMatch(/elder/);
  // The list itself still works under the behavior it joins.
  expect(p.text()).toContain('天津东丽第1供水有限公司');

  fake.storage.set('elderMode', 'off');
  p = await openMyCases();
  expect(p.page.data.elder).toBe(false);
});

test('the switch in 我的 turns it on and opens every page again in the larger size', async () => {
  fake.server.on('whoami', me());
  const p = loadPage('pages/profile/profile');
  p.page.onLoad({});
  await settled();
  expect(p.exists('#elder')).toBe(true);
  p.comp.querySelector('#elder')!.dispatchEvent('change', { detail: { value: true } });
  await settled();
  expect(fake.storage.get('elderMode')).toBe('on');
  expect(fake.calls('reLaunch')[0]!.url).toBe('/pages/profile/profile');

  const again = await openMyCases();
  expect(again.page.data.elder).toBe(true);
});

test('the case page in 长辈模式 keeps to what to do next; the details open on request', async () => {
  fake.storage.set('elderMode', 'on');
  fake.server.on('getCase', caseView({ id: 'case-7' }));
  const p = loadPage('pages/case-detail/case-detail');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  expect(p.text()).not.toContain('办理进度');
  await p.tap('#show-details');
  expect(p.text()).toContain('办理进度');
  expect(p.text()).toContain('统一社会信用代码');
});
