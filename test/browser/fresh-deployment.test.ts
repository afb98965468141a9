import type { Browser } from 'playwright-core';
import { chinaTime } from '../../cloudfunctions/src/domain/china-time';
import { creditCodeCheckChar } from '../../cloudfunctions/src/domain/credit-code';
import { bookAt, signAndOpenGroup } from '../../cloudfunctions/src/local-runtime/seed';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';
import { type Application, acceptAsOfficer, applyAsApplicant, openProfileAs, openStepAsOfficer, slotDay } from './support/main-scenario';
import { Preview, launchChromium } from './support/preview';
import { describeWalk } from './support/walk';

// From a fresh deployment (RVI_DEMO=off: no matters, no staff, only the configured first admin), through the pages:
// the admin installs the pilot matters (each with checklist v1), invites an officer of 市场准入审批科 (chosen by name
// from the installed catalogue) with a one-time binding link; the officer opens it in WeChat (a preview under their
// own openid) and binds; the admin opens 食品生产许可 for remote inspection; one case is accepted under v1; the admin
// publishes v2 with a note; a second case is accepted under v2; the officer's inspection pages show v2's items for
// the second case and v1's for the first. Signing, booking and the meeting are not the point here: they are done
// through the api as each person, as the seed does them.

const ADMIN = 'demo-admin';
/** Nobody the demo knows: the officer's own WeChat identity, which reaches the runtime only through the link. */
const OFFICER = 'wx-officer-fresh-01';
const FIRST = 'demo-applicant';
const SECOND = 'demo-contact';

const MATTER = '食品生产许可';
const V1_ITEM = '厂区环境与污染源';
const V2_ITEM = '原料进货查验记录';

const withCheck = (first17: string): string => first17 + creditCodeCheckChar(first17);
const CASE_A: Application = {
  matter: MATTER, company: '天津东丽禾丰食品有限公司', phone: '13800138001', address: '天津市东丽区食品路1号', applicantName: '钱一', creditCode: withCheck('91120110MA0F1RT01'),
};
const CASE_B: Application = {
  matter: MATTER, company: '天津东丽麦香食品有限公司', phone: '13800138002', address: '天津市东丽区食品路2号', applicantName: '孙二', creditCode: withCheck('91120110MA0F1RT02'),
};

// A browser step waits up to 10 s for what it needs (preview.ts); a test is a few such steps.
jest.setTimeout(30_000);

describeWalk('a fresh deployment set up from the admin pages, in the browser preview', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  /** The admin's and the applicants' phone (the identity bar switches between them). */
  let p: Preview;
  /** The officer's phone, opened at the binding link. */
  let o: Preview;
  let invitePath = '';
  const cases: Record<'A' | 'B', string> = { A: '', B: '' };

  beforeAll(async () => {
    [rt, browser] = await Promise.all([startLocalRuntime({ RVI_DEMO: 'off', FIRST_ADMIN_OPENIDS: ADMIN }), launchChromium()]);
    // As the preview's first identity: an identity given here would come back on every reload the bar makes.
    p = await Preview.open(browser, rt.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  /** 我的 → 系统管理 → one of its pages, as the admin. */
  const openAdminPage = async (title: string): Promise<void> => {
    await openProfileAs(p, ADMIN);
    await p.tap(/^系统管理/);
    await p.navTitle.getByText('系统管理').waitFor();
    await p.tap(title);
    await p.navTitle.getByText(title).waitFor();
  };

  test('the runtime seeded nothing: an applicant finds no matter, and only the first admin has 系统管理', async () => {
    expect(rt.output()).toContain('no demo data');
    await openProfileAs(p, FIRST);
    expect(await p.text()).not.toMatch(/^系统管理$/m);
    await p.tapTab('首页');
    expect(await p.text()).not.toContain(MATTER);
  });

  test('the admin installs the pilot matters from 事项与核查标准, each with its checklist v1', async () => {
    await openAdminPage('事项与核查标准');
    await p.sees('事项目录还是空的');
    await p.tap('安装试点事项');
    await p.sees('市场准入审批科');
    expect(await p.screen.locator('#matter-TJDL-MKT-001').innerText()).toMatch(/食品生产许可[\s\S]*仅现场踏勘[\s\S]*踏勘标准第 1 版/);
  });

  test('the admin opens 人员与角色 and makes a one-time binding link for a new officer of 市场准入审批科', async () => {
    await openAdminPage('人员与角色');
    await p.tap('添加工作人员（发送绑定链接）');
    await p.screen.locator('#editor-name').locator('input, textarea').fill('吴敏');
    // 审批工作人员 is chosen already for a new officer.
    expect(await p.screen.locator('#role-staff').getAttribute('class')).toContain('chip--on');
    // The sections of the installed catalogue, by name.
    await p.tap('市场准入审批科');
    await p.screen.locator('#editor-reason').locator('input, textarea').fill('新入职审批人员，负责食品生产许可');
    await p.tap('生成绑定链接');
    await p.sees('绑定链接已生成');
    expect(await p.text()).toMatch(/仅可使用一次。请发给吴敏本人/);
    // Sent as a share card in WeChat: the preview shows the card and the page it opens.
    await p.tap('发送给吴敏');
    await p.modal.getByText('卡片标题：吴敏，请绑定您的工作人员身份').waitFor();
    invitePath = /打开页面：(\S+)/.exec(await p.modal.innerText())?.[1] ?? '';
    await p.confirmModal('完成');
    // The link works once: the panel closes, and the next officer needs a new one.
    expect(await p.text()).not.toContain('绑定链接已生成');
    expect(invitePath).toMatch(/^\/pages\/bind-account\/bind-account\?token=\w+$/);
  });

  test('the officer opens the link in WeChat, binds, and finds 工作台 under 我的', async () => {
    o = await Preview.open(browser, rt.url, { openid: OFFICER, route: invitePath.slice(1) });
    await o.navTitle.getByText('绑定工作人员身份').waitFor();
    await o.tap('确认绑定');
    await o.sees('绑定成功');
    expect(await o.text()).toContain('吴敏，您的角色：审批工作人员');
    await o.tap('前往“我的”');
    await o.navTitle.getByText('我的').waitFor();
    await o.screen.getByText(/^工作台/).waitFor();
    // The link is spent: opened again, it binds nobody.
    const again = await Preview.open(browser, rt.url, { openid: 'wx-someone-else', route: invitePath.slice(1) });
    await again.tap('确认绑定');
    await again.sees('此邀请链接已被使用，请向管理员重新索取');
    await again.page.context().close();
  });

  test('the admin sees the officer granted staff in the section, with the reason in the history', async () => {
    await openAdminPage('人员与角色');
    const person = p.screen.locator('.people--person', { hasText: '吴敏' });
    await person.waitFor();
    expect(await person.innerText()).toMatch(/审批工作人员[\s\S]*科室 市场准入审批科/);
    await person.click();
    await p.screen.locator('#history').getByText(/新入职审批人员，负责食品生产许可/).waitFor();
    expect(await p.screen.locator('#history').innerText()).toMatch(/未授予角色 → 审批工作人员/);
  });

  test('the admin opens 食品生产许可 for remote inspection and previews its checklist v1', async () => {
    await openAdminPage('事项与核查标准');
    const card = p.screen.locator('#matter-TJDL-MKT-001');
    expect(await card.innerText()).toMatch(/食品生产许可[\s\S]*仅现场踏勘[\s\S]*踏勘标准第 1 版/);
    await card.getByText('开放远程踏勘', { exact: true }).click();
    await p.confirmModal('开放');
    await card.getByText('可远程踏勘', { exact: true }).waitFor();
    // Version 1 as the officer will see it.
    await card.getByText('编辑踏勘标准', { exact: true }).click();
    await p.navTitle.getByText(`${MATTER} · 踏勘标准`).waitFor();
    await p.sees('现行第 1 版');
    await p.screen.locator('#tab-preview').click();
    await p.screen.getByText(`1. ${V1_ITEM}`).waitFor();
    expect(await p.text()).not.toContain(V2_ITEM);
  });

  test('an applicant applies for remote inspection, and the officer accepts the case (checklist v1)', async () => {
    await openProfileAs(p, FIRST);
    await p.tapTab('首页');
    cases.A = await applyAsApplicant(p, CASE_A);
    expect(await p.text()).toContain('远程视频踏勘');
    await acceptAsOfficer(o, cases.A, '已受理', OFFICER);
  });

  test('the admin publishes checklist v2 with a note, previewed as the officer will see it', async () => {
    await openAdminPage('事项与核查标准');
    await p.screen.locator('#checklist-TJDL-MKT-001').click();
    await p.sees('现行第 1 版');
    await p.tap('＋ 添加检查项');
    await p.screen.locator('#title-4').locator('input, textarea').fill(V2_ITEM);
    await p.screen.locator('#lookAt-4').locator('input, textarea').fill('抽查近三个月原料进货查验记录和供货者资质。');
    await p.screen.locator('#conforming-4').locator('input, textarea').fill('记录完整，供货者许可证明在有效期内。');
    await p.screen.locator('#note').locator('input, textarea').fill('新增原料进货查验记录检查项');
    await p.screen.locator('#tab-preview').click();
    await p.screen.getByText(`5. ${V2_ITEM}`).waitFor();
    await p.tap('发布为第 2 版');
    await p.confirmModal('发布');
    await p.sees('现行第 2 版');
    await p.back();
    await p.screen.locator('#matter-TJDL-MKT-001').getByText('踏勘标准第 2 版').waitFor();
  });

  test('a second applicant applies and the officer accepts that case (checklist v2)', async () => {
    await openProfileAs(p, SECOND);
    await p.tapTab('首页');
    cases.B = await applyAsApplicant(p, CASE_B);
    await acceptAsOfficer(o, cases.B, '已受理', OFFICER);
  });

  test('the officer inspects case B with v2’s items; case A’s inspection page still shows v1’s', async () => {
    // Signed, in the group and booked through the api as each person: not the point of this walk.
    const handled = (await rt.ok(OFFICER, 'listHandlerCases', { limit: 20 })).items;
    const put = (openid: string, cloudPath: string, bytes: Buffer) => rt.upload(openid, cloudPath, 'signature.png', bytes);
    for (const [key, applicant, time] of [['A', FIRST, '10:00'], ['B', SECOND, '14:00']] as const) {
      const accepted = await rt.ok(OFFICER, 'getCase', { caseId: handled.find((c) => c.number === cases[key])!.id });
      const ready = await signAndOpenGroup(rt.call, put, accepted, { applicant, staff: OFFICER });
      await bookAt(rt.call, ready, chinaTime(`${slotDay()} ${time}`).toISOString(), { applicant, staff: OFFICER });
    }
    const itemsOf = async (caseNumber: string): Promise<string> => {
      await openStepAsOfficer(o, caseNumber, '#step-inspect', '踏勘记录', OFFICER);
      await o.screen.locator('#start').click();
      await o.confirmModal('开始');
      await o.screen.locator('#session-code').waitFor();
      await o.sees('核查项（已填 0 /');
      return o.text();
    };
    const b = await itemsOf(cases.B);
    expect(b).toContain('核查项（已填 0 / 5）');
    expect(b).toContain(`1. ${V1_ITEM}`);
    expect(b).toContain(`5. ${V2_ITEM}`);
    const a = await itemsOf(cases.A);
    expect(a).toContain('核查项（已填 0 / 4）');
    expect(a).toContain(`1. ${V1_ITEM}`);
    expect(a).not.toContain(V2_ITEM);
  });

  test('the walk needed nothing the preview lacks and threw no error', async () => {
    expect(await p.problems()).toEqual([]);
    expect(await o.problems()).toEqual([]);
  });
});
