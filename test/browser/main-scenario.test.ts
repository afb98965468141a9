import type { Browser } from 'playwright-core';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';
import {
  APPLICATION, acceptAsOfficer, applyAsApplicant, bookAsApplicant, decideAsOfficer, inspectAsOfficer, offerSlotAsOfficer, openCaseAsApplicant,
  signFormsAsApplicant,
} from './support/main-scenario';
import { CHROMIUM, Preview, hasChromium, launchChromium } from './support/preview';

// The main scenario clicked through the real pages in the browser preview, one person after another, each step
// starting where the last one left the screen: apply → accept → sign both forms by hand → offer a time → book →
// inspect → decide → the applicant sees the result. Each person's part is a function in support/main-scenario.ts.

if (!hasChromium) console.warn(`SKIPPED: browser tests — no Chromium at ${CHROMIUM} (npm test installs Debian's chromium when CI=true and run as root)`);
const describeInChromium = hasChromium ? describe : describe.skip;
// A browser step waits up to 10 s for what it needs (preview.ts); a test is a few such steps.
jest.setTimeout(30_000);

describeInChromium('the main scenario in the browser preview', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let p: Preview;
  let caseNumber = '';

  // Starting the runtime and Chromium, and building the preview's bundle the first time, takes longer than a step.
  beforeAll(async () => {
    [rt, browser] = await Promise.all([startLocalRuntime(), launchChromium()]);
    p = await Preview.open(browser, rt.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  test('an applicant fills the form, pins the location, uploads a material and applies', async () => {
    caseNumber = await applyAsApplicant(p);
    const text = await p.text();
    expect(text).toContain(APPLICATION.company);
    expect(text).toContain(APPLICATION.address);
    expect(text).toContain('营业执照.pdf');
  });

  test('an officer of the section accepts it from the workbench queue', async () => {
    await acceptAsOfficer(p, caseNumber);
    expect(await p.text()).toContain('王芳');
  });

  test('the applicant sees the case accepted', async () => {
    await openCaseAsApplicant(p, caseNumber);
    await p.sees('已受理');
    // The timeline, newest first: the officer's acceptance above the application.
    expect(await p.text()).toMatch(/受理\n[^\n]+ · 王芳\n提交申请\n[^\n]+ · 张三/);
  });

  test('the applicant signs both forms on the signature pad and enters the inspection group', async () => {
    await signFormsAsApplicant(p);
    // The group page names the case's matter once it has loaded (waited for: a loaded machine is slow to answer).
    await p.sees('二次供水单位卫生许可');
  });

  test('the handler offers a time from the ready queue with the date and time pickers', async () => {
    await offerSlotAsOfficer(p, caseNumber);
    expect(await p.text()).toContain('10:00');
  });

  test('the applicant books the offered time and the case shows 已预约', async () => {
    await bookAsApplicant(p, caseNumber);
    await p.sees('10:00');
    await p.back();
    await p.navTitle.getByText('办件详情').waitFor();
    await p.sees('已预约');
  });

  test('the handler starts the inspection and finds every checklist item conforming', async () => {
    await inspectAsOfficer(p, caseNumber);
    expect(await p.text()).not.toContain('未填写');
  });

  test('the handler decides 通过 with an opinion, signed on the pad', async () => {
    await decideAsOfficer(p, caseNumber);
    expect(await p.screen.locator('#result').innerText()).toContain('通过');
  });

  test('the applicant sees the result: passed, the case archived', async () => {
    await openCaseAsApplicant(p, caseNumber);
    await p.sees('踏勘结果');
    const text = await p.text();
    expect(text).toContain('已归档');
    expect(text).toMatch(/踏勘结果\n通过\n经视频核查/);
  });

  test('the walk needed nothing the preview lacks and threw no error', async () => {
    expect(await p.problems()).toEqual([]);
  });
});
