import { installFakeWx, type FakeWx } from './support/fake-wx';
import { VALID_CREDIT_CODE, caseView, matter, me } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;
beforeEach(() => {
  fake = installFakeWx();
});

const receipt = {
  case: caseView({
    id: 'case-9', number: 'DL-20260612-0009', channel: 'email', awaitingClaim: true,
    intake: { channelLabel: '电子邮件收件', receivedAt: '2026-06-12T00:10:00.000Z', registeredByName: '王芳', emailFrom: 'hr@example.com', emailSubject: '申请材料' },
  }),
  claim: {
    code: 'ABCD-2345', expiresAt: '2026-06-26T01:30:00.000Z', path: '/pages/claim-case/claim-case?code=ABCD2345',
    link: 'https://zwfw.example.gov.cn/rvi/claim?code=ABCD2345', qrDataUrl: 'data:image/gif;base64,R0lGODdhAQABAAAAACwAAAAAAQABAAAC',
  },
  receivedAt: '2026-06-12T00:10:00.000Z',
};

async function openRegistration(): Promise<LoadedPage> {
  fake.server
    .on('whoami', { ...me(['staff'], '王芳'), sectionCode: 'social' })
    .on('listMatters', [matter(), matter({ code: 'OTHER', name: '他科事项', sectionCode: 'other' })]);
  const p = loadPage('package-staff/pages/register-case/register-case');
  p.page.onLoad({});
  await settled();
  return p;
}

async function fill(p: LoadedPage): Promise<void> {
  p.page.onPickMatter({ detail: { value: '0' } });
  await p.type('#companyName', '天津东丽清源供水有限公司');
  await p.type('#creditCode', VALID_CREDIT_CODE);
  await p.type('#applicantName', '张三');
  await p.type('#applicantPhone', '13800138000');
  fake.answer('chooseLocation', { name: '', address: '天津市东丽区津塘路100号', latitude: 39.0901, longitude: 117.3102 });
  await p.tap('#choose-location');
  fake.server.on('requestUpload', (payload: { fileName: string }) => ({ cloudPath: `uploads/staff/material/${payload.fileName}` }));
  fake.answer('chooseMessageFile', { tempFiles: [{ path: 'wxfile://tmp/scan.pdf', name: '扫描件.pdf', size: 1024, type: 'file', time: 0 }] });
  await p.tap('#add-material');
}

test('only the officer’s own section’s matters are offered; an e-mail registration asks for the sender and subject', async () => {
  const p = await openRegistration();
  expect(p.page.data.matters.map((m: { code: string }) => m.code)).toEqual(['SECONDARY_WATER']);
  await fill(p);
  await p.tap('#channel-email');
  await p.tap('#submit');
  expect(fake.server.sent('registerCase')).toEqual([]);
  expect(p.text()).toContain('请填写发件人的电子邮箱地址');
  expect(p.text()).toContain('请填写邮件主题');
});

test('the registration is sent with the channel details and the receipt shows the claim code to print or copy', async () => {
  fake.server.on('registerCase', receipt);
  const p = await openRegistration();
  await fill(p);
  await p.tap('#channel-email');
  await p.type('#emailFrom', 'hr@example.com');
  await p.type('#emailSubject', '申请材料');
  await p.tap('#submit');

  const [sent] = fake.server.sent('registerCase') as any[];
  expect(sent).toMatchObject({
    matterCode: 'SECONDARY_WATER', mode: 'remote', channel: 'email', email: { from: 'hr@example.com', subject: '申请材料' },
    company: { name: '天津东丽清源供水有限公司', creditCode: VALID_CREDIT_CODE }, materialFileIds: ['local://uploads/staff/material/扫描件.pdf'],
  });
  expect(sent).not.toHaveProperty('applicantOpenid');
  expect(Date.parse(sent.receivedAt)).not.toBeNaN();
  expect(p.text()).toContain('申请登记回执');
  expect(p.comp.querySelector('#claim-code')!.dom!.textContent).toBe('ABCD-2345');
  expect(p.text()).toContain('有效期至 2026-06-26 09:30');
  expect(p.comp.querySelector('#claim-qr')).toBeTruthy();
  await p.tap('#copy-claim');
  expect(fake.calls('setClipboardData')[0]!.data).toContain('认领码 ABCD-2345');
});

test('打印回执 opens the receipt PDF the server rendered for the case; a refusal is shown', async () => {
  fake.server.on('registerCase', receipt).on('getRegistrationReceipt', { fileName: '收件回执_DL-20260612-0009.pdf', downloadUrl: 'https://files.example/receipt.pdf' });
  const p = await openRegistration();
  await fill(p);
  await p.tap('#submit');
  await p.tap('#print-receipt');
  expect(fake.server.sent('getRegistrationReceipt')).toEqual([{ caseId: 'case-9' }]);
  expect(fake.calls('downloadFile')[0]).toMatchObject({ url: 'https://files.example/receipt.pdf' });
  expect(fake.calls('openDocument')[0]).toMatchObject({ fileType: 'pdf', showMenu: true });
  expect(p.page.data.printing).toBe(false);

  fake.server.refuse('getRegistrationReceipt', 'FORBIDDEN', '您无权执行此操作');
  await p.tap('#print-receipt');
  expect(fake.calls('openDocument')).toHaveLength(1);
  expect(fake.calls('showToast').slice(-1)[0]).toMatchObject({ title: '您无权执行此操作', icon: 'none' });
});

test('继续登记 after a receipt opens an empty form for the next registration', async () => {
  fake.server.on('registerCase', receipt);
  const p = await openRegistration();
  await fill(p);
  await p.tap('#submit');
  expect(p.exists('#receipt')).toBe(true);
  await p.tap('#another');
  expect(p.exists('#receipt')).toBe(false);
  expect(p.exists('#submit')).toBe(true);
  expect(p.page.data.form.companyName).toBe('');
  expect(p.page.data.materials).toEqual([]);
});

test('someone who is not an officer is told the page is not theirs, without 重试', async () => {
  fake.server.on('whoami', me([]));
  const p = loadPage('package-staff/pages/register-case/register-case');
  p.page.onLoad({});
  await settled();
  expect(p.text()).toContain('窗口/邮件登记仅供审批工作人员使用');
  expect(p.text()).not.toContain('重试');
  expect(fake.server.sent('listMatters')).toEqual([]);
});

test('a refusal from the server (e.g. an open application of the same company) is shown above the form', async () => {
  fake.server.refuse('registerCase', 'DUPLICATE', '该企业的本事项已有正在办理的申请（办件编号 DL-20260611-0003），请在该办件中继续办理，或撤回后再申请');
  const p = await openRegistration();
  await fill(p);
  await p.tap('#submit');
  expect(p.comp.querySelector('#submit-error')!.dom!.textContent).toContain('DL-20260611-0003');
  expect(p.exists('#receipt')).toBe(false);
});

describe('the applicant’s claim page', () => {
  async function openClaim(query: Record<string, string> = {}): Promise<LoadedPage> {
    const p = loadPage('pages/claim-case/claim-case');
    p.page.onLoad(query);
    await settled();
    return p;
  }

  test('the code from the QR link is filled in; the claim opens the case', async () => {
    fake.server.on('claimCase', caseView({ id: 'case-9' }));
    const p = await openClaim({ code: 'ABCD2345' });
    expect(p.page.data.form.code).toBe('ABCD-2345');
    await p.type('#creditCode', VALID_CREDIT_CODE.toLowerCase());
    await p.type('#phoneTail', '8000');
    await p.tap('#claim');
    expect(fake.server.sent('claimCase')).toEqual([{ code: 'ABCD-2345', creditCode: VALID_CREDIT_CODE, phoneTail: '8000' }]);
    expect(fake.calls('redirectTo')[0]!.url).toBe('/pages/case-detail/case-detail?id=case-9');
  });

  test('a scanned receipt QR opens the page with the link in q: the code is taken from it', async () => {
    const p = await openClaim({ q: encodeURIComponent('https://zwfw.example.gov.cn/rvi/claim?code=WXYZ6789') });
    expect(p.page.data.form.code).toBe('WXYZ-6789');
  });

  test('missing answers are not sent; the server’s refusal is shown as it is', async () => {
    fake.server.refuse('claimCase', 'INVALID_STATE', '认领码已过期，请联系登记窗口重新获取');
    const p = await openClaim();
    await p.tap('#claim');
    expect(fake.server.sent('claimCase')).toEqual([]);
    expect(p.text()).toContain('认领码为8位字母和数字');
    await p.type('#code', 'abcd-2345');
    await p.type('#creditCode', VALID_CREDIT_CODE);
    await p.type('#phoneTail', '8000');
    await p.tap('#claim');
    expect(p.text()).toContain('认领码已过期，请联系登记窗口重新获取');
  });
});
