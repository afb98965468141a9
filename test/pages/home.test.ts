import { installFakeWx, type FakeWx } from './support/fake-wx';
import { matter } from './support/fixtures';
import { loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

test('the home page explains remote inspection and tags the matters that allow it', async () => {
  fake.server.on('listMatters', [matter(), matter({ code: 'RADIATION', name: '辐射安全许可', remoteAllowed: false })]);
  const p = loadPage('pages/home/home');
  p.page.onLoad({});
  await settled();

  const text = p.text();
  for (const step of ['自主选择', '远程核查', '在线反馈']) expect(text).toContain(step);
  expect(text).toMatch(/二次供水单位卫生许可.*可远程视频踏勘.*辐射安全许可.*仅现场踏勘/);
});

test('the matter page lists what to prepare and what is checked, and leads to the application', async () => {
  fake.server.on('getMatter', matter());
  const p = loadPage('pages/matter-detail/matter-detail');
  p.page.onLoad({ code: 'SECONDARY_WATER' });
  await settled();

  expect(p.text()).toContain('打开水箱间门，备好照明');
  expect(p.text()).toContain('1. 水箱间环境');
  await p.tap('#apply');
  expect(fake.calls('navigateTo')[0]!.url).toBe('/pages/apply/apply?code=SECONDARY_WATER');
});
