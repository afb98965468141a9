import { seededCalendar } from '../../support/calendar';
import { chinaDateOf } from '../../../cloudfunctions/src/domain/china-time';
import { addWorkingDays } from '../../../cloudfunctions/src/domain/working-days';
import type { Preview } from './preview';

// The main scenario as people walk it through the preview, one function per person's part, so that a further
// part (a rectification and re-inspection, a follow-up visit) is one more function and one more step in the test.

export const APPLICANT = 'demo-applicant';
export const OFFICER = 'demo-staff';

/** A credit code whose check character is right (GB 32100-2015). */
export const CREDIT_CODE = '91350100M000100Y43';

export interface Application {
  matter: string;
  company: string;
  phone: string;
  address: string;
  /** Typed when the person has no name on record yet (the form takes it from the record otherwise). */
  applicantName?: string;
  creditCode?: string;
}

export const APPLICATION: Application = {
  matter: '二次供水单位卫生许可',
  company: '天津东丽清源供水有限公司',
  phone: '13800138000',
  address: '天津市东丽区津塘路100号清源大厦',
};

const CASE_NUMBER = /DL-\d{8}-\d{4}/;

/** Opens the matter from the home page and fills the application form, up to the submit button. */
export async function fillApplication(p: Preview, a: Application = APPLICATION): Promise<void> {
  await p.tap(a.matter);
  await p.tap('申请踏勘');
  await p.fill('企业名称', a.company);
  await p.fill('统一社会信用代码', a.creditCode ?? CREDIT_CODE);
  if (a.applicantName) await p.fill('申请人姓名', a.applicantName);
  await p.fill('联系电话', a.phone);
  await p.tap('在地图上选择位置');
  // The first use of location asks for privacy consent with the page's own prompt, before the location dialog.
  const prompt = p.screen.getByText('用户隐私保护提示');
  await prompt.or(p.modal).first().waitFor();
  if (await prompt.isVisible()) await p.tap('同意');
  await p.modal.locator('input').nth(1).fill(a.address);
  await p.confirmModal('确定');
  await p.chooseFile('添加材料', '从微信聊天中选择文件', { name: '营业执照.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 营业执照（预览测试）') });
  await p.sees('已上传');
}

/** The applicant applies; resolves with the new case's number from the case page. */
export async function applyAsApplicant(p: Preview, a: Application = APPLICATION): Promise<string> {
  await fillApplication(p, a);
  await p.tap('提交申请');
  await p.navTitle.getByText('办件详情').waitFor();
  await p.sees('待受理');
  const number = CASE_NUMBER.exec(await p.text())?.[0];
  if (!number) throw new Error('the case page shows no case number');
  return number;
}

/** From any page, as this person: back to the tabs, then the 我的 tab. */
export async function openProfileAs(p: Preview, openid: string): Promise<void> {
  await p.as(openid);
  await p.toTabs();
  await p.tapTab('我的');
}

/** An officer of the section takes the case from the queue in the workbench and accepts it (an on-site case: 待预约). */
export async function acceptAsOfficer(p: Preview, caseNumber: string, stateAfter = '已受理', officer = OFFICER): Promise<void> {
  await openProfileAs(p, officer);
  await p.tap(/^工作台/);
  await p.screen.locator('case-card', { hasText: caseNumber }).click();
  await p.navTitle.getByText('办件审查').waitFor();
  await p.tap('受理');
  await p.confirmModal('受理');
  await p.sees(stateAfter);
}

/** The applicant finds the case under 办件 and opens it. */
export async function openCaseAsApplicant(p: Preview, caseNumber: string): Promise<void> {
  await openProfileAs(p, APPLICANT);
  await p.tapTab('办件');
  await p.screen.locator('case-card', { hasText: caseNumber }).click();
  await p.navTitle.getByText('办件详情').waitFor();
}

/** Writes a name on the signature pad with the mouse: two strokes, long enough to pass for a signature. */
export async function drawSignature(p: Preview): Promise<void> {
  const canvas = p.screen.locator('wx-canvas');
  // Hovering waits until the pad stands still (the page scrolls back up after each form).
  await canvas.hover();
  const pad = await canvas.boundingBox();
  if (!pad) throw new Error('no signature pad on the screen');
  for (const row of [0.35, 0.65]) {
    await p.page.mouse.move(pad.x + pad.width * 0.1, pad.y + pad.height * row);
    await p.page.mouse.down();
    for (let i = 1; i <= 12; i++) await p.page.mouse.move(pad.x + pad.width * (0.1 + i * 0.06), pad.y + pad.height * (row + (i % 2 ? 0.08 : -0.08)));
    await p.page.mouse.up();
  }
}

/** From the case page: the applicant reads, agrees to and signs both forms by hand, then enters the group. */
export async function signFormsAsApplicant(p: Preview): Promise<void> {
  await p.tap('签署表单');
  await p.navTitle.getByText('签署表单').waitFor();
  for (const signed of [1, 2]) {
    await p.tap(/^我已阅读并同意/);
    await drawSignature(p);
    await p.tap(/^确认签署/);
    await p.screen.getByText('已签署', { exact: true }).nth(signed - 1).waitFor();
  }
  await p.sees('两份表单均已签署');
  await p.tap('进入踏勘群');
  await p.navTitle.getByText('踏勘群').waitFor();
}

/** A slot the server accepts: 10:00 China time on the second working day from now. */
export const slotDay = (): string => chinaDateOf(addWorkingDays(new Date(), 2, seededCalendar()));

/** The handler takes the case from the ready queue and offers the applicant a time with the date and time pickers. */
export async function offerSlotAsOfficer(p: Preview, caseNumber: string): Promise<void> {
  await openProfileAs(p, OFFICER);
  await p.tap(/^工作台/);
  await p.tap(/^待预约队列/);
  await p.screen.locator('case-card', { hasText: caseNumber }).click();
  // Cases accepted earlier (the demo data's) may still wait: then the queue says so, and the offer asks why.
  const askWhy = p.modal.getByText('不按受理顺序安排');
  const offerPage = p.navTitle.getByText('提供踏勘时段');
  await askWhy.or(offerPage).first().waitFor();
  const outOfOrder = await askWhy.isVisible();
  if (outOfOrder) await p.confirmModal('继续');
  await offerPage.waitFor();
  if (outOfOrder) await p.fill('不按受理顺序安排的原因', '申请人下周出差，先行安排');
  await p.screen.locator('wx-picker input[type="date"]').first().fill(slotDay());
  await p.screen.locator('wx-picker input[type="time"]').first().fill('10:00');
  await p.tap('提供给申请人');
  await p.confirmModal('提供');
  await p.sees('已向申请人提供以下时段');
}

/** The applicant opens the case, picks the offered time and books it; the meeting card shows. */
export async function bookAsApplicant(p: Preview, caseNumber: string): Promise<void> {
  await openCaseAsApplicant(p, caseNumber);
  await p.tap('选择踏勘时间');
  await p.navTitle.getByText('踏勘时间').waitFor();
  await p.screen.locator('.booking--choice').first().click();
  await p.tap('确认预约');
  await p.confirmModal('预约');
  await p.sees('预约成功');
}

/** The handler opens the case from the workbench (我的办件) and taps one of its next steps. */
export async function openStepAsOfficer(p: Preview, caseNumber: string, step: string, title: string, officer = OFFICER): Promise<void> {
  await openProfileAs(p, officer);
  await p.tap(/^工作台/);
  await p.tap('我的办件');
  await p.screen.locator('case-card', { hasText: caseNumber }).click();
  await p.navTitle.getByText('办件审查').waitFor();
  await (step.startsWith('#') ? p.screen.locator(step).click() : p.tap(step));
  await p.navTitle.getByText(title).waitFor();
}

/** The handler starts the inspection (the session code shows) and finds every checklist item conforming. */
export async function inspectAsOfficer(p: Preview, caseNumber: string): Promise<void> {
  await openStepAsOfficer(p, caseNumber, '开始踏勘', '踏勘记录');
  await p.tap('开始踏勘');
  await p.confirmModal('开始');
  await p.screen.locator('#session-code').waitFor();
  const items = p.screen.locator('[id^="item-"]');
  for (let i = 0; i < (await items.count()); i++) {
    await items.nth(i).getByText('符合', { exact: true }).click();
    await items.nth(i).getByText('已保存', { exact: true }).waitFor();
  }
}

/** At the premises (现场踏勘): the handler starts with the phone's location, no session code, and finds every item conforming. */
export async function inspectOnSiteAsOfficer(p: Preview, caseNumber: string): Promise<void> {
  // By the buttons' ids: a case switched on-site has a 开始踏勘 entry in its timeline too.
  await openStepAsOfficer(p, caseNumber, '#step-inspect', '踏勘记录');
  await p.screen.locator('#start').click();
  // The visit was booked for a later slot: starting now asks with the booked time (either title names the start).
  await p.modal.getByText(/开始现场踏勘？|不在预约时间，仍要开始？/).waitFor();
  await p.confirmModal('开始');
  await p.sees('位置相符');
  const items = p.screen.locator('[id^="item-"]');
  for (let i = 0; i < (await items.count()); i++) {
    await items.nth(i).getByText('符合', { exact: true }).click();
    await items.nth(i).getByText('已保存', { exact: true }).waitFor();
  }
}

/** Video is not enough: the handler switches the case to on-site inspection from the decision page, with the reason. */
export async function switchToOnsiteAsOfficer(p: Preview, caseNumber: string, reason: string): Promise<void> {
  await openStepAsOfficer(p, caseNumber, '踏勘决定', '踏勘决定');
  await p.screen.locator('#choice-onsite').click();
  await p.fill('转现场踏勘的原因', reason);
  await p.tap('提交决定');
  await p.confirmModal('确认');
  await p.sees('已转为现场踏勘');
}

/** The handler decides: passed, with an opinion, signed on the pad. */
export async function decideAsOfficer(p: Preview, caseNumber: string): Promise<void> {
  await openStepAsOfficer(p, caseNumber, '踏勘决定', '踏勘决定');
  await p.screen.locator('#choice-pass').click();
  await p.fill('踏勘意见', '经视频核查，经营场所与申报一致，各核查项均符合要求。');
  await drawSignature(p);
  await p.tap('确认签名');
  await p.screen.locator('#signed').waitFor();
  await p.tap('提交决定');
  await p.confirmModal('确认');
  await p.screen.locator('#result').waitFor();
}
