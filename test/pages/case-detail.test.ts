import { NETWORK_DOWN, installFakeWx, type FakeWx } from './support/fake-wx';
import { caseView } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

async function openCase(overrides: Parameters<typeof caseView>[0]): Promise<LoadedPage> {
  fake.server.on('getCase', caseView({ id: 'case-7', ...overrides }));
  const p = loadPage('pages/case-detail/case-detail');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

beforeEach(() => {
  fake = installFakeWx();
});

test('a case shows its facts, state, timeline in China time and the return note', async () => {
  const p = await openCase({
    state: 'returned',
    stateLabel: '退回补正',
    returnNote: '缺少水质检测报告',
    timeline: [
      { at: '2026-06-12T01:30:00.000Z', actorName: '张三', action: 'submit', actionLabel: '提交申请' },
      { at: '2026-06-12T06:00:00.000Z', actorName: '王芳', action: 'return', actionLabel: '退回补正', note: '缺少水质检测报告' },
    ],
  });

  const text = p.text();
  expect(text).toContain('DL-20260612-0007');
  expect(text).toContain('退回补正');
  expect(text).toContain('需补正的内容');
  expect(text).toContain('缺少水质检测报告');
  expect(text).toContain('2026-06-12 14:00 · 王芳');
  expect(text).toContain('138****8000');
});

test('withdrawing a case requires a reason and a confirmation', async () => {
  fake.server.on('withdrawCase', caseView({ id: 'case-7', version: 4, state: 'withdrawn', stateLabel: '已撤回', withdrawReason: '公司搬迁' }));
  const p = await openCase({ can: ['withdrawCase'] });
  await p.tap('#open-withdraw');

  await p.tap('#withdraw');
  expect(p.text()).toContain('请写明撤回的原因');
  expect(fake.server.sent('withdrawCase')).toHaveLength(0);

  await p.type('#reason', '公司搬迁');
  await p.tap('#withdraw');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '确认撤回申请？' });
  expect(fake.server.sent('withdrawCase')).toEqual([{ caseId: 'case-7', version: 3, reason: '公司搬迁' }]);
  expect(p.text()).toContain('已撤回');
  expect(p.exists('#open-withdraw')).toBe(false);
});

test('a returned case is resubmitted with the added materials and a note', async () => {
  fake.server
    .on('requestUpload', { cloudPath: 'materials/u1/water.pdf' })
    .on('resubmitCase', caseView({ id: 'case-7', version: 4, state: 'submitted', stateLabel: '待受理' }));
  fake.answer('chooseMessageFile', { tempFiles: [{ path: 'wxfile://tmp/water.pdf', name: '水质检测报告.pdf', size: 1024, type: 'file', time: 0 }] });
  const p = await openCase({ state: 'returned', stateLabel: '退回补正', returnNote: '缺少水质检测报告', can: ['resubmitCase', 'withdrawCase'] });
  await p.tap('#open-resubmit');
  await p.tap('#resubmit');
  expect(p.text()).toContain('请上传补正的材料，或填写补正说明');
  expect(fake.server.sent('resubmitCase')).toHaveLength(0);

  await p.tap('#add-material');
  await p.type('#note', '已补充检测报告');
  await p.tap('#resubmit');

  expect(fake.server.sent('resubmitCase')).toEqual([
    { caseId: 'case-7', version: 3, materialFileIds: ['local://materials/u1/water.pdf'], note: '已补充检测报告' },
  ]);
  expect(p.text()).toContain('待受理');
});

test('a case the caller may not see says so and offers a way home, not 重试', async () => {
  fake.server.refuse('getCase', 'FORBIDDEN', '您无权查看此办件');
  const p = loadPage('pages/case-detail/case-detail');
  p.page.onLoad({ id: 'case-9' });
  await settled();

  expect(p.text()).toContain('您无权查看该办件');
  expect(p.exists('#loading >>> #retry')).toBe(false);
  await p.tap('#loading >>> #home');
  expect(fake.calls('switchTab')[0]!.url).toBe('/pages/home/home');
});

test('a case that does not exist says so without 重试', async () => {
  fake.server.refuse('getCase', 'NOT_FOUND', '办件不存在');
  const p = loadPage('pages/case-detail/case-detail');
  p.page.onLoad({ id: 'case-404' });
  await settled();
  expect(p.text()).toContain('未找到该办件');
  expect(p.exists('#loading >>> #retry')).toBe(false);
  expect(p.exists('#loading >>> #home')).toBe(true);
});

test('a service failure offers 重试, which loads the case', async () => {
  fake.server.refuse('getCase', 'INTERNAL', '服务繁忙，请稍后再试');
  const p = loadPage('pages/case-detail/case-detail');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  expect(p.text()).toContain('办件暂时加载不了');
  expect(p.text()).toContain('服务繁忙，请稍后再试');

  fake.server.on('getCase', caseView());
  await p.tap('#loading >>> #retry');
  expect(p.page.data.status).toBe('ready');
  expect(p.text()).toContain(caseView().number);
});

test('offline, the page says so and 重试 loads the case once the network is back', async () => {
  let online = false;
  fake.server.on('getCase', () => (online ? caseView({ id: 'case-7' }) : NETWORK_DOWN));
  const p = loadPage('pages/case-detail/case-detail');
  // The page's own copy of the transport (loadPage starts the modules afresh): retries without the wait.
  require('../../miniprogram/services/transport/transport').RETRY_DELAY_MS.value = 1;
  p.page.onLoad({ id: 'case-7' });
  for (let i = 0; i < 20 && p.page.data.status === 'loading'; i++) await new Promise((r) => setTimeout(r, 5));
  await settled();
  expect(p.text()).toContain('网络连接不上');
  online = true;
  await p.tap('#loading >>> #retry');
  await settled();
  expect(p.page.data.status).toBe('ready');
});

test('the case id is decoded where it is read: Chinese, emoji and spaces arrive as written', async () => {
  const id = '办件 7 😀 a+b%';
  fake.server.on('getCase', caseView({ id }));
  const p = loadPage('pages/case-detail/case-detail');
  p.page.onLoad({ id: encodeURIComponent(id) });
  await settled();
  expect(fake.server.sent('getCase')).toEqual([{ caseId: id }]);
});

test('the next step follows the case: sign the forms, enter the group, choose a time, join the meeting', async () => {
  let p = await openCase({ state: 'accepted', stateLabel: '已受理', can: ['signForm', 'openGroup', 'postGroupMessage', 'inviteContact'] });
  expect(p.page.data.steps.map((s: { label: string }) => s.label)).toEqual(['签署表单', '进入踏勘群']);
  await p.tap('#step-sign');
  expect(fake.calls('navigateTo')[0]!.url).toBe('/pages/sign-forms/sign-forms?id=case-7');

  p = await openCase({ state: 'signed', stateLabel: '待入群', can: ['openGroup', 'postGroupMessage'] });
  expect(p.page.data.steps.map((s: { label: string }) => s.label)).toEqual(['进入踏勘群']);

  p = await openCase({ state: 'ready', stateLabel: '待预约', can: ['requestOtherTimes', 'bookSlot', 'postGroupMessage'] });
  expect(p.page.data.steps.map((s: { url: string }) => s.url)).toEqual(['/pages/booking/booking?id=case-7', '/pages/group/group?id=case-7']);
  expect(p.text()).toContain('选择踏勘时间');

  p = await openCase({ state: 'scheduled', stateLabel: '已预约', can: ['rescheduleInspection', 'postGroupMessage'] });
  expect(p.page.data.steps.map((s: { label: string }) => s.label)).toEqual(['进入会议', '进入踏勘群']);

  p = await openCase({ state: 'submitted', stateLabel: '待受理', can: ['withdrawCase'] });
  expect(p.page.data.steps).toEqual([]);
});

test('the applicant opens the archive of their own decided case', async () => {
  fake.server.on('getInspection', {}).on('getArchive', {
    fileName: '踏勘档案-DL-20260612-0007.pdf', sha256: 'a'.repeat(64), size: 350_000, generatedAt: '2026-06-15T03:00:05.000Z', downloadUrl: 'https://files.example/archive.pdf',
  });
  const p = await openCase({ state: 'archived', stateLabel: '已归档', can: ['getArchive'] });
  await p.tap('#open-archive');
  expect(fake.server.sent('getArchive')).toEqual([{ caseId: 'case-7' }]);
  expect(fake.calls('downloadFile')[0]).toMatchObject({ url: 'https://files.example/archive.pdf' });
  expect(fake.calls('openDocument')[0]).toMatchObject({ fileType: 'pdf', showMenu: true });
});

test('before the archive exists there is nothing to open', async () => {
  const p = await openCase({ state: 'inspecting', stateLabel: '踏勘中', can: [] });
  expect(p.exists('#open-archive')).toBe(false);
});
