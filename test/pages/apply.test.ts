import { installFakeWx, type FakeWx } from './support/fake-wx';
import { BAD_CHECK_CREDIT_CODE, VALID_CREDIT_CODE, caseView, matter, me } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

async function openForm(remoteAllowed = true): Promise<LoadedPage> {
  fake.server.on('getMatter', matter({ remoteAllowed })).on('whoami', me());
  const p = loadPage('pages/apply/apply');
  p.page.onLoad({ code: 'SECONDARY_WATER' });
  await settled();
  return p;
}

async function fillForm(p: LoadedPage, creditCode: string): Promise<void> {
  await p.type('#companyName', '天津东丽清源供水有限公司');
  await p.type('#creditCode', creditCode);
  await p.type('#applicantName', '张三');
  await p.type('#applicantPhone', '13800138000');
}

async function pinLocation(p: LoadedPage): Promise<void> {
  fake.answer('chooseLocation', { name: '清源大厦', address: '天津市东丽区津塘路100号', latitude: 39.0901, longitude: 117.3102 });
  await p.tap('#choose-location');
}

async function uploadMaterial(p: LoadedPage): Promise<void> {
  fake.server.on('requestUpload', (payload: { fileName: string }) => ({ cloudPath: `materials/u1/${payload.fileName}` }));
  fake.answer('showActionSheet', { tapIndex: 0 });
  fake.answer('chooseMessageFile', { tempFiles: [{ path: 'wxfile://tmp/license.pdf', name: '营业执照.pdf', size: 204800, type: 'file', time: 0 }] });
  await p.tap('#add-material');
}

beforeEach(() => {
  fake = installFakeWx();
});

test('the application form refuses a bad credit code before calling the server and shows the field error', async () => {
  const p = await openForm();
  await fillForm(p, BAD_CHECK_CREDIT_CODE);

  // Checked as it is typed: the eighteenth character is wrong.
  expect(p.text()).toContain('校验位不正确');

  await pinLocation(p);
  await uploadMaterial(p);
  await p.tap('#submit');

  expect(fake.server.sent('applyForInspection')).toHaveLength(0);
  expect(p.page.data.errors.creditCode).toContain('校验位不正确');
  expect(p.text()).toContain('校验位不正确，请核对营业执照上的代码');
});

test('the application form submits a valid application with a pinned location and an uploaded material and navigates to the case', async () => {
  fake.server.on('applyForInspection', caseView({ id: 'case-42' }));
  const p = await openForm();
  await fillForm(p, VALID_CREDIT_CODE.toLowerCase());
  await pinLocation(p);
  await uploadMaterial(p);

  expect(fake.uploads).toEqual([{ filePath: 'wxfile://tmp/license.pdf', cloudPath: 'materials/u1/营业执照.pdf' }]);
  expect(p.page.data.materials[0]).toMatchObject({ status: 'done', progress: 100 });
  expect(p.text()).toContain('已上传');

  await p.tap('#submit');

  expect(fake.server.sent('applyForInspection')).toEqual([
    {
      matterCode: 'SECONDARY_WATER',
      mode: 'remote',
      company: { name: '天津东丽清源供水有限公司', creditCode: VALID_CREDIT_CODE },
      applicantName: '张三',
      applicantPhone: '13800138000',
      premises: { address: '天津市东丽区津塘路100号清源大厦', latitude: 39.0901, longitude: 117.3102 },
      materialFileIds: ['local://materials/u1/营业执照.pdf'],
    },
  ]);
  expect(fake.calls('redirectTo')[0]!.url).toBe('/pages/case-detail/case-detail?id=case-42');
  // The draft on the phone is gone once the application is in, and leaving the page does not bring it back.
  p.page.onUnload();
  expect(fake.storage.has('apply.draft.SECONDARY_WATER')).toBe(false);
});

test('the application form shows the server VALIDATION error and lets the user submit again', async () => {
  fake.server.refuse('applyForInspection', 'VALIDATION', '经营场所地址不在东丽区范围内');
  const p = await openForm();
  await fillForm(p, VALID_CREDIT_CODE);
  await pinLocation(p);
  await uploadMaterial(p);

  await p.tap('#submit');

  expect(fake.server.sent('applyForInspection')).toHaveLength(1);
  expect(p.text()).toContain('经营场所地址不在东丽区范围内');
  expect(p.page.data.submitting).toBe(false);
  expect(fake.calls('redirectTo')).toHaveLength(0);
});

test('the submit button is disabled while the application is being sent', async () => {
  let answer: (v: unknown) => void = () => undefined;
  fake.server.on('applyForInspection', caseView());
  const p = await openForm();
  await fillForm(p, VALID_CREDIT_CODE);
  await pinLocation(p);
  await uploadMaterial(p);
  // Hold the server's answer back.
  const request = fake.wx.request;
  fake.wx.request = (options: any) => void new Promise((resolve) => (answer = resolve)).then(() => request(options));

  await p.tap('#submit');
  expect(p.page.data.submitting).toBe(true);
  expect(p.text()).toContain('正在提交…');
  await p.tap('#submit');

  answer(undefined);
  await settled();
  expect(fake.server.sent('applyForInspection')).toHaveLength(1);
});

test('the remote choice is disabled with the reason for a matter that does not allow it', async () => {
  const p = await openForm(false);

  expect(p.page.data.form.mode).toBe('onsite');
  expect(p.text()).toContain('该事项暂不支持远程视频踏勘，只能选择现场踏勘。');

  await p.tap('#mode-remote');
  expect(p.page.data.form.mode).toBe('onsite');
  expect(fake.calls('showToast').map((o) => o.title)).toContain('该事项暂不支持远程视频踏勘');
});

test('the application form asks for every missing field in Chinese', async () => {
  const p = await openForm();
  await p.type('#applicantName', '');
  await p.tap('#submit');

  expect(p.page.data.errors).toEqual({
    companyName: '请填写企业名称',
    creditCode: '请填写统一社会信用代码',
    applicantName: '请填写申请人姓名',
    applicantPhone: '请填写联系电话',
    premises: '请在地图上选择经营场所的位置',
    materials: '请至少上传一份申请材料',
  });
  expect(fake.server.sent('applyForInspection')).toHaveLength(0);
});
