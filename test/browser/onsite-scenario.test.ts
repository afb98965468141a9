import {
  APPLICATION, acceptAsOfficer, bookAsApplicant, decideAsOfficer, fillApplication, inspectOnSiteAsOfficer, offerSlotAsOfficer, openCaseAsApplicant,
} from './support/main-scenario';
import { describeWalk, previewForWalk } from './support/walk';

// An on-site case clicked through the preview (issue 12): the applicant chooses 现场踏勘; on acceptance it waits for a
// visit slot (no forms, no group); the applicant books the visit; the officer starts at the premises with the phone's
// location, finds every item conforming and decides 通过.

jest.setTimeout(30_000);

describeWalk('an on-site case in the browser preview', () => {
  const p = previewForWalk();
  let caseNumber = '';

  test('the applicant chooses 现场踏勘 and applies', async () => {
    await fillApplication(p, { ...APPLICATION, company: '天津东丽现场踏勘预览有限公司' });
    await p.screen.locator('#mode-onsite').click();
    await p.tap('提交申请');
    await p.navTitle.getByText('办件详情').waitFor();
    await p.sees('现场踏勘');
    caseNumber = /DL-\d{8}-\d{4}/.exec(await p.text())![0];
  });

  test('an officer accepts it: it waits for a visit slot at once, with no forms to sign', async () => {
    await acceptAsOfficer(p, caseNumber, '待预约');
    await openCaseAsApplicant(p, caseNumber);
    await p.sees('待预约');
    expect(await p.screen.getByText('签署表单', { exact: true }).count()).toBe(0);
  });

  test('the officer offers a visit time and the applicant books it: the visit shows, no meeting', async () => {
    await offerSlotAsOfficer(p, caseNumber);
    await bookAsApplicant(p, caseNumber);
    await p.sees('现场踏勘时间');
    expect(await p.text()).toContain('审批人员将按预约时间到经营场所实地核查');
    expect(await p.screen.locator('#meeting').count()).toBe(0);
  });

  test('at the premises the officer starts with the phone’s location, records every item and decides 通过', async () => {
    await inspectOnSiteAsOfficer(p, caseNumber);
    expect(await p.screen.locator('#session-code').count()).toBe(0);
    await decideAsOfficer(p, caseNumber);
    expect(await p.screen.locator('#result').innerText()).toContain('通过');
    expect(await p.problems()).toEqual([]);
  });
});
