import type { Browser } from 'playwright-core';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';
import {
  APPLICATION, acceptAsOfficer, applyAsApplicant, bookAsApplicant, decideAsOfficer, inspectAsOfficer, inspectOnSiteAsOfficer, offerSlotAsOfficer,
  openCaseAsApplicant, signFormsAsApplicant, switchToOnsiteAsOfficer,
} from './support/main-scenario';
import { CHROMIUM, Preview, hasChromium, launchChromium } from './support/preview';

// A remote case switched to on-site inspection (转现场踏勘) clicked through the preview (issue 12): applied, signed and
// booked for video; the video call starts, then the handler switches it on-site; it goes back to the queue, the
// visit is booked, and it is inspected and decided on site.

if (!hasChromium) console.warn(`SKIPPED: browser tests — no Chromium at ${CHROMIUM} (npm test installs Debian's chromium when CI=true and run as root)`);
const describeInChromium = hasChromium ? describe : describe.skip;
jest.setTimeout(30_000);

describeInChromium('a remote case switched to on-site in the browser preview', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let p: Preview;
  let caseNumber = '';

  beforeAll(async () => {
    [rt, browser] = await Promise.all([startLocalRuntime(), launchChromium()]);
    p = await Preview.open(browser, rt.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  test('applied, accepted, signed and booked for a video inspection, which starts', async () => {
    caseNumber = await applyAsApplicant(p, { ...APPLICATION, company: '天津东丽转现场预览有限公司' });
    await acceptAsOfficer(p, caseNumber);
    await openCaseAsApplicant(p, caseNumber);
    await signFormsAsApplicant(p);
    await offerSlotAsOfficer(p, caseNumber);
    await bookAsApplicant(p, caseNumber);
    await inspectAsOfficer(p, caseNumber);
  });

  test('the handler switches it on-site with the reason; the applicant sees 现场踏勘 and why', async () => {
    await switchToOnsiteAsOfficer(p, caseNumber, '视频画面无法看清水箱内部，需实地核查');
    await openCaseAsApplicant(p, caseNumber);
    await p.sees('待预约');
    const text = await p.text();
    expect(text).toContain('现场踏勘');
    expect(text).toContain('视频画面无法看清水箱内部，需实地核查');
  });

  test('the visit is offered and booked, inspected on site and decided 通过', async () => {
    await offerSlotAsOfficer(p, caseNumber);
    await bookAsApplicant(p, caseNumber);
    await p.sees('现场踏勘时间');
    await inspectOnSiteAsOfficer(p, caseNumber);
    await decideAsOfficer(p, caseNumber);
    expect(await p.screen.locator('#result').innerText()).toContain('通过');
    expect(await p.problems()).toEqual([]);
  });
});
