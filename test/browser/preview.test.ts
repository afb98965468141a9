import type { Browser } from 'playwright-core';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';
import { APPLICANT, OFFICER } from './support/main-scenario';
import { CHROMIUM, Preview, hasChromium, launchChromium } from './support/preview';

// What the preview adds around the real pages: the phone's scale, the identity bar, built-ins with behaviour
// (picker, textarea), navigation back, a failed call showing the page's own error state, and WeChat's own
// screens played by dialogs (Tencent Meeting).

if (!hasChromium) console.warn(`SKIPPED: browser tests — no Chromium at ${CHROMIUM} (npm test installs Debian's chromium when CI=true and run as root)`);
const describeInChromium = hasChromium ? describe : describe.skip;
// A browser step waits up to 10 s for what it needs (preview.ts); a test is a few such steps.
jest.setTimeout(30_000);

describeInChromium('the browser preview', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let p: Preview;

  // Starting the runtime and Chromium, and building the preview's bundle the first time, takes longer than a step.
  beforeAll(async () => {
    [rt, browser] = await Promise.all([startLocalRuntime(), launchChromium()]);
    p = await Preview.open(browser, rt.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  test('draws 750rpx as the 375px phone width, so the elder-friendly sizes show as designed', async () => {
    await p.goto('pages/apply/apply?code=TJDL-HEA-002');
    const submit = await p.screen.locator('wx-button', { hasText: '提交申请' }).boundingBox();
    // .btn: height 96rpx; .actions: padding 32rpx on both sides.
    expect(submit).toMatchObject({ height: 48, width: 375 - 32 });
    // Body text 32rpx.
    expect(await p.screen.locator('.form-row--row__label').first().evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).fontSize)).toBe('16px');
  });

  test('the identity bar lists every demo user and switches who the Mini Program calls as', async () => {
    await p.goto('pages/profile/profile');
    expect(await p.page.locator('.identity').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual([
      '张三（申请人）', '李四（现场联系人）', '王芳（审批工作人员）', '赵磊（审批工作人员）', '刘强（科长）', '陈静（政策法规科）', '周敏（行业监管部门）', '管理员（系统管理员）',
    ]);
    await p.as(OFFICER);
    await p.sees('王芳');
    expect(await p.text()).toContain('工作台');
    await p.as(APPLICANT);
    await p.sees('张三');
    expect(await p.text()).not.toContain('工作台');
  });

  test('a section head reassigns a case with the picker and a written reason', async () => {
    const accepted = (await rt.ok(OFFICER, 'listHandlerCases', { state: 'accepted' })).items[0]!;
    await p.as('demo-head');
    await p.goto(`package-staff/pages/case-review/case-review?id=${accepted.id}`);
    await p.tap('改派');
    await p.screen.locator('wx-picker select').selectOption({ label: '赵磊' });
    await p.sees('赵磊');
    await p.fill('改派原因', '王芳本周外出培训');
    await p.tap('改派');
    await p.confirmModal('改派');
    await p.screen.locator('.case-review--fact', { hasText: '经办人' }).getByText('赵磊').waitFor();
  });

  test('a failed call shows the page\'s error state, and 重试 loads it again', async () => {
    await p.as(APPLICANT);
    await p.stub('listMyCases', { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' }, 1);
    await p.goto('pages/my-cases/my-cases');
    await p.sees('服务暂时不可用，请稍后重试');
    await p.tap('重试');
    await p.screen.locator('case-card').first().click();
    await p.navTitle.getByText('办件详情').waitFor();
    await p.back();
    await p.navTitle.getByText('我的办件').waitFor();
  });

  test('进入腾讯会议 shows, instead of opening Tencent Meeting, a dialog with the meeting code', async () => {
    const scheduled = (await rt.ok(OFFICER, 'listHandlerCases', { state: 'scheduled' })).items[0]!;
    const { meeting } = await rt.ok(OFFICER, 'getGroup', { caseId: scheduled.id });
    await p.as(OFFICER);
    await p.goto(`package-staff/pages/meeting/meeting?id=${scheduled.id}`);
    await p.tap('进入腾讯会议');
    await p.modal.getByText('打开「腾讯会议」（预览）').waitFor();
    expect(await p.modal.innerText()).toContain(`会议号：${meeting!.meetingCode}`);
    await p.confirmModal('取消');
  });

  test('none of it needed a wx call the preview lacks or threw an error', async () => {
    expect(await p.problems()).toEqual([]);
  });
});
