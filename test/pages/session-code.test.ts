import { installFakeWx, type FakeWx } from './support/fake-wx';
import { inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  fake.server.on('getInspection', inspectionView({ sessionCode: undefined, can: ['confirmSessionCode', 'addEvidence'] }));
});

async function openCode(): Promise<LoadedPage> {
  const p = loadPage('pages/session-code/session-code');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

test('the code read out is sent with the phone location and then shown large for the camera', async () => {
  fake.server.on('confirmSessionCode', { confirmed: true, message: '会话码正确，请在镜头前展示' });
  const p = await openCode();

  await p.type('#code', '482913');
  await p.tap('#confirm');

  expect(fake.server.sent('confirmSessionCode')).toEqual([
    { caseId: 'case-7', code: '482913', location: { latitude: 39.09012, longitude: 117.31045, accuracy: 15 } },
  ]);
  expect(p.comp.querySelector('#shown')!.dom!.textContent).toContain('482 913');
  expect(p.text()).toContain('请将手机屏幕对准镜头');
});

test('a wrong code shows the server message and the code can be entered again', async () => {
  fake.server.on('confirmSessionCode', { confirmed: false, message: '会话码不正确，请核对后重新输入' });
  const p = await openCode();

  await p.type('#code', '111111');
  await p.tap('#confirm');

  expect(p.text()).toContain('会话码不正确，请核对后重新输入');
  expect(p.exists('#shown')).toBe(false);
});

test('a short code is not sent', async () => {
  const p = await openCode();
  await p.type('#code', '4829');
  await p.tap('#confirm');
  expect(p.text()).toContain('请输入审批人员宣读的6位数字会话码');
  expect(fake.server.sent('confirmSessionCode')).toEqual([]);
  expect(fake.calls('getLocation')).toEqual([]);
});
