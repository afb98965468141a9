import {
  APPLICANT, CREDIT_CODE, acceptAsOfficer, bookAsApplicant, decideAsOfficer, inspectAsOfficer, offerSlotAsOfficer, openCaseAsApplicant, openProfileAs,
  signFormsAsApplicant,
} from './support/main-scenario';
import { creditCodeCheckChar as creditCheck } from '../../cloudfunctions/src/domain/credit-code';
import type { Preview } from './support/preview';
import { describeWalk, previewForWalk } from './support/walk';

// A counter case clicked through the preview (issue 12): an officer registers what the applicant brought to the
// counter in the workbench and prints the receipt; the applicant claims it in WeChat with the receipt's code; another
// officer accepts it (the registering officer may not); then signed, inspected over video and passed. Then an e-mail
// application is registered with its sender and subject.

/** The officer at the counter; the demo walks' handler (demo-staff) accepts. */
const REGISTRAR = 'demo-staff-2';

jest.setTimeout(30_000);

interface Brought {
  company: string;
  creditCode: string;
  applicant: string;
  phone: string;
  address: string;
  material: string;
  email?: { from: string; subject: string };
}

const COUNTER: Brought = {
  company: '天津东丽窗口收件有限公司', creditCode: CREDIT_CODE, applicant: '孙八', phone: '13698761234', address: '天津市东丽区登记路8号', material: '窗口扫描件.pdf',
};
const EMAIL: Brought = {
  company: '天津东丽邮件收件有限公司', creditCode: '91120110MA0E2EM02' + creditCheck('91120110MA0E2EM02'), applicant: '周九', phone: '13698765678',
  address: '天津市东丽区邮件路9号', material: '邮件附件.pdf', email: { from: 'apply@qingyuan.example.cn', subject: '卫生许可申请材料' },
};

/** The officer at the counter registers what was brought (or e-mailed) in the workbench, up to the receipt. */
async function registerAsOfficer(p: Preview, b: Brought): Promise<void> {
  await openProfileAs(p, REGISTRAR);
  await p.tap(/^工作台/);
  await p.tap('窗口/邮件登记');
  await p.navTitle.getByText('窗口/邮件登记').waitFor();
  await p.screen.locator('#matter select').selectOption({ label: '二次供水单位卫生许可' });
  if (b.email) {
    await p.screen.locator('#channel-email').click();
    await p.fill('发件人地址', b.email.from);
    await p.fill('邮件主题', b.email.subject);
  }
  await p.fill('企业名称', b.company);
  await p.fill('统一社会信用代码', b.creditCode);
  await p.fill('申请人姓名', b.applicant);
  await p.fill('联系电话', b.phone);
  await p.tap('在地图上选择位置');
  // The first use of location asks for privacy consent with the page's own prompt.
  const prompt = p.screen.getByText('用户隐私保护提示');
  await prompt.or(p.modal).first().waitFor();
  if (await prompt.isVisible()) await p.tap('同意');
  await p.modal.locator('input').nth(1).fill(b.address);
  await p.confirmModal('确定');
  await p.chooseFile('添加材料', '从微信聊天中选择文件', { name: b.material, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${b.material}`) });
  await p.sees('已上传');
  await p.tap('登记并生成回执');
  await p.sees('申请登记回执');
}

describeWalk('a counter case in the browser preview', () => {
  const p = previewForWalk();
  let claimCode = '';
  let caseNumber = '';

  test('an officer registers the application from the workbench and gets the receipt with the claim code', async () => {
    await registerAsOfficer(p, COUNTER);
    claimCode = (await p.screen.locator('#claim-code').innerText()).trim();
    caseNumber = (await p.screen.locator('#receipt-number').innerText()).trim();
    expect(claimCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(caseNumber).toMatch(/^DL-\d{8}-\d{4}$/);
    expect(await p.screen.locator('#claim-qr').count()).toBe(1);
    expect(await p.text()).toContain(COUNTER.material);
  });

  test('the applicant claims it under 我的 → 认领办件 with the code, the credit code and the phone’s last digits', async () => {
    await openProfileAs(p, APPLICANT);
    await p.screen.locator('#claim-case').click();
    await p.navTitle.getByText('认领办件').waitFor();
    await p.fill('认领码', claimCode);
    await p.fill('统一社会信用代码', CREDIT_CODE);
    await p.fill('手机号后四位', '1234');
    await p.screen.locator('#claim').click();
    await p.navTitle.getByText('办件详情').waitFor();
    await p.sees('待受理');
    expect(await p.text()).toContain(caseNumber);
  });

  test('the registering officer is not offered to accept it; another officer accepts it', async () => {
    await openProfileAs(p, REGISTRAR);
    await p.tap(/^工作台/);
    await p.screen.locator('case-card', { hasText: caseNumber }).click();
    await p.navTitle.getByText('办件审查').waitFor();
    await p.sees('登记人');
    expect(await p.screen.getByText('受理', { exact: true }).count()).toBe(0);
    await acceptAsOfficer(p, caseNumber);
    await p.sees('窗口收件');
  });

  test('the applicant signs both forms; the video inspection is booked, held and passed', async () => {
    await openCaseAsApplicant(p, caseNumber);
    await signFormsAsApplicant(p);
    await offerSlotAsOfficer(p, caseNumber);
    await bookAsApplicant(p, caseNumber);
    await inspectAsOfficer(p, caseNumber);
    await decideAsOfficer(p, caseNumber);
    expect(await p.screen.locator('#result').innerText()).toContain('通过');
  });

  test('an e-mail application is registered with its sender and subject', async () => {
    await registerAsOfficer(p, EMAIL);
    expect(await p.text()).toContain('电子邮件收件');
    await p.tap('复制认领信息（用于回复邮件）');
    expect(await p.problems()).toEqual([]);
  });
});
