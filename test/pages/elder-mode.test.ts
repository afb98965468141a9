import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseSummary, caseView, matter, me } from './support/fixtures';
import { LABEL, caseForm, caseForms, groupView } from './support/forms-fixtures';
import { inspectionView } from './support/inspection-fixtures';
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
  expect(p.text()).toContain('下一步：等待窗口受理');

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

test('my cases in 长辈模式 gives each case one clear line: the matter, its state and the next step', async () => {
  fake.storage.set('elderMode', 'on');
  fake.server.on('listMyCases', {
    items: [caseSummary(1, { state: 'accepted', stateLabel: '已受理' }), caseSummary(2, { state: 'ready', stateLabel: '待预约' })],
    total: 2, offset: 0, limit: 10,
  });
  const p = loadPage('pages/my-cases/my-cases');
  p.page.onLoad({});
  await settled();
  const text = p.text();
  expect(text).toMatch(/二次供水单位卫生许可.*已受理.*下一步：签署表单.*二次供水单位卫生许可.*待预约.*下一步：选择踏勘时间/);
  // The number, mode, applicant and times are on the case page.
  for (const detail of ['DL-20260612-0001', '远程视频踏勘', '张*', '提交于']) expect(text).not.toContain(detail);

  fake.storage.set('elderMode', 'off');
  const normal = await openMyCases();
  expect(normal.text()).toContain('DL-20260612-0001');
  expect(normal.text()).not.toContain('下一步');
});

test('the home page in 长辈模式 leads with the matters; how it works opens on request', async () => {
  fake.storage.set('elderMode', 'on');
  fake.server.on('listMatters', [matter()]);
  const p = loadPage('pages/home/home');
  p.page.onLoad({});
  await settled();
  expect(p.text()).toContain('二次供水单位卫生许可');
  expect(p.text()).toContain('可远程视频踏勘');
  expect(p.text()).not.toContain('自主选择');
  expect(p.text()).not.toContain(matter().sectionName);
  await p.tap('#show-more');
  expect(p.text()).toContain('自主选择');
  expect(p.exists('#show-more')).toBe(false);
});

test('the application form in 长辈模式 numbers its five steps (every field is required, so none is hidden)', async () => {
  fake.storage.set('elderMode', 'on');
  fake.server.on('getMatter', matter()).on('whoami', me());
  const p = loadPage('pages/apply/apply');
  p.page.onLoad({ code: 'SECONDARY_WATER' });
  await settled();
  expect(p.text()).toMatch(/第1步（共5步）企业信息.*第2步（共5步）申请人.*第3步（共5步）经营场所.*第4步（共5步）申请材料.*第5步（共5步）踏勘方式/);
  for (const field of ['#companyName', '#creditCode', '#applicantName', '#applicantPhone', '#choose-location', '#add-material', '#mode-remote'])
    expect(p.exists(field)).toBe(true);
});

async function openElder(route: string, server: Record<string, unknown>): Promise<LoadedPage> {
  fake.storage.set('elderMode', 'on');
  for (const [action, answer] of Object.entries(server)) fake.server.on(action, answer);
  const p = loadPage(route);
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

const SIGNED = { signedAt: '2026-06-12T02:00:00.000Z', signedVersion: 2 };

test('signing done in 长辈模式 leads to the group; the signed copies open on request', async () => {
  const p = await openElder('pages/sign-forms/sign-forms', {
    getCaseForms: caseForms([caseForm('consent', SIGNED), caseForm('commitment', SIGNED)]),
    getSignedFormCopies: [{ kind: 'consent', name: '远程视频踏勘同意书', copy: 'applicant', copyLabel: '申请人联', version: 2, signedAt: SIGNED.signedAt, countersigned: false, sha256: 'a'.repeat(64), size: 11000, url: 'https://files.example/consent.pdf' }],
  });
  expect(p.text()).toContain('两份表单均已签署');
  expect(p.text()).not.toContain('远程视频踏勘同意书（申请人联）');
  await p.tap('#go-group');
  expect(fake.calls('redirectTo')[0]!.url).toBe('/pages/group/group?id=case-7');
  await p.tap('#show-more');
  expect(p.text()).toContain('远程视频踏勘同意书（申请人联）');
});

test('a form to sign in 长辈模式 keeps its text and signature and leaves out the template version', async () => {
  const p = await openElder('pages/sign-forms/sign-forms', { getCaseForms: caseForms() });
  expect(p.text()).toContain('本单位天津东丽第7供水有限公司同意采用远程视频方式踏勘。');
  expect(p.exists('#pad')).toBe(true);
  expect(p.text()).not.toContain('第2版');
});

test('the group in 长辈模式 leads with its label and next step; messages, preparation and manual open on request', async () => {
  const p = await openElder('pages/group/group', { getGroup: groupView({}, { state: 'ready', can: ['bookSlot', 'postGroupMessage'] }) });
  expect(p.text()).toContain(LABEL);
  expect(p.exists('#step-book')).toBe(true);
  for (const hidden of ['#tab-messages', '#composer', '#tab-manual']) expect(p.exists(hidden)).toBe(false);
  await p.tap('#show-more');
  expect(p.exists('#tab-messages')).toBe(true);
  expect(p.exists('#composer')).toBe(true);
});

const rectifyingView = () => inspectionView({
  state: 'rectifying', stateLabel: '限期整改', sessionCode: undefined, can: ['submitRectificationProof', 'requestReinspection'],
  rectification: {
    round: 1, workingDays: 10, deadline: '2026-06-29T15:59:59.999Z', deadlineProvisional: false, overdue: false,
    items: [{ id: 'R1', requirement: '水箱人孔加盖并上锁', proofs: [] }, { id: 'R2', requirement: '补充清洗消毒记录', proofs: [] }],
  },
});

test('rectification in 长辈模式 shows one item while its proof is added; the optional note opens on request', async () => {
  const p = await openElder('pages/rectification/rectification', { getInspection: rectifyingView() });
  expect(p.text()).toContain('水箱人孔加盖并上锁');
  expect(p.text()).toContain('补充清洗消毒记录');
  expect(p.text()).not.toContain('DL-20260612-0007');
  await p.tap('#open-R1');
  expect(p.text()).toContain('水箱人孔加盖并上锁');
  expect(p.text()).not.toContain('补充清洗消毒记录');
  expect(p.exists('#note')).toBe(false);
  await p.tap('#show-more');
  expect(p.exists('#note')).toBe(true);
});

test('rating in 长辈模式 is the stars and 提交; the optional suggestions open on request', async () => {
  const p = await openElder('pages/rating/rating', {
    getInspection: inspectionView({ state: 'archived', stateLabel: '已归档', sessionCode: undefined, can: ['rateService'] }),
  });
  expect(p.exists('#star-5')).toBe(true);
  expect(p.exists('#submit')).toBe(true);
  expect(p.exists('#suggestions')).toBe(false);
  expect(p.text()).not.toContain('DL-20260612-0007');
  await p.tap('#show-more');
  expect(p.exists('#suggestions')).toBe(true);
});
