import {
  APPLICATION, acceptAsOfficer, applyAsApplicant, bookAsApplicant, decideAsOfficer, inspectAsOfficer, inspectOnSiteAsOfficer, offerSlotAsOfficer,
  openCaseAsApplicant, signFormsAsApplicant, switchToOnsiteAsOfficer,
} from './support/main-scenario';
import { describeWalk, previewForWalk } from './support/walk';

// A remote case switched to on-site inspection (转现场踏勘) clicked through the preview (issue 12): applied, signed and
// booked for video; the video call starts, then the handler switches it on-site; it goes back to the queue, the
// visit is booked, and it is inspected and decided on site.

jest.setTimeout(30_000);

describeWalk('a remote case switched to on-site in the browser preview', () => {
  const p = previewForWalk();
  let caseNumber = '';

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
