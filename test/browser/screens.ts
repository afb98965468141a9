import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';
import { APPLICANT, OFFICER, drawSignature, fillApplication } from './support/main-scenario';
import { CHROMIUM, type OpenOptions, Preview, hasChromium, launchChromium } from './support/preview';

// `npm run screens`: every page of the Mini Program in its main states (filled, empty, error, and the dialogs
// on the way), photographed in the browser preview, into screens/. Pages without states listed here are taken
// once, as the person they are for, on a booked case. With --docs, the few the README shows are copied into
// docs/screens/ as well.

const OUT = 'screens';
const DOCS = 'docs/screens';
/** The screens the README's "What you will see" shows. */
const README_SHOTS = ['home', 'apply-filled', 'sign-forms-signing', 'workbench', 'case-detail-elder', 'case-detail-not-found'];

interface Shot extends OpenOptions {
  name: string;
  /** Actions answered by a stub instead of the runtime (for empty and error states). */
  stubs?: Record<string, Parameters<Preview['stub']>[1]>;
  /** What to do on the page before the picture. */
  then?: (p: Preview) => Promise<void>;
  /** No answer from the api at all, as with no network. */
  offline?: boolean;
}

const failing = (message: string, code = 'INTERNAL') => ({ ok: false as const, code, message });
const MATTER = 'TJDL-HEA-002';

async function shotsFor(rt: RunningRuntime): Promise<Shot[]> {
  const mine = (await rt.ok(APPLICANT, 'listMyCases', {})).items;
  const byState = (label: string): string => {
    const found = mine.find((c) => c.stateLabel === label);
    if (!found) throw new Error(`the demo data has no case ${label} for ${APPLICANT}: screens needs one`);
    return found.id;
  };
  const [submitted, accepted, returned, ready, scheduled] = ['待受理', '已受理', '退回补正', '待预约', '已预约'].map(byState);
  const asApplicant = { openid: APPLICANT, privacyAgreed: true };
  const asOfficer = { openid: OFFICER, privacyAgreed: true };
  return [
    { name: 'home', ...asApplicant },
    { name: 'home-empty', ...asApplicant, stubs: { listMatters: { ok: true, data: [] } } },
    { name: 'home-error', ...asApplicant, stubs: { listMatters: failing('网络不稳定，请检查网络后重试') } },
    { name: 'matter-detail', ...asApplicant, route: `pages/matter-detail/matter-detail?code=${MATTER}` },
    { name: 'matter-detail-error', ...asApplicant, route: `pages/matter-detail/matter-detail?code=${MATTER}`, stubs: { getMatter: failing('事项加载失败，请重试') } },
    { name: 'apply-empty', ...asApplicant, route: `pages/apply/apply?code=${MATTER}` },
    { name: 'apply-errors', ...asApplicant, route: `pages/apply/apply?code=${MATTER}`, then: (p) => p.tap('提交申请') },
    {
      name: 'apply-privacy', openid: APPLICANT, route: `pages/apply/apply?code=${MATTER}`,
      then: async (p) => {
        await p.tap('在地图上选择位置');
        await p.sees('用户隐私保护提示');
      },
    },
    {
      name: 'apply-location', ...asApplicant, route: `pages/apply/apply?code=${MATTER}`,
      then: async (p) => {
        await p.tap('在地图上选择位置');
        await p.modal.waitFor();
      },
    },
    {
      name: 'apply-filled', ...asApplicant,
      then: async (p) => {
        await fillApplication(p);
        await p.screen.getByText('企业信息').scrollIntoViewIfNeeded();
      },
    },
    { name: 'my-cases', ...asApplicant, route: 'pages/my-cases/my-cases' },
    { name: 'my-cases-empty', openid: 'demo-contact', route: 'pages/my-cases/my-cases' },
    { name: 'my-cases-error', ...asApplicant, route: 'pages/my-cases/my-cases', stubs: { listMyCases: failing('网络不稳定，请检查网络后重试') } },
    { name: 'case-detail', ...asApplicant, route: `pages/case-detail/case-detail?id=${accepted}` },
    { name: 'case-detail-returned', ...asApplicant, route: `pages/case-detail/case-detail?id=${returned}` },
    { name: 'case-detail-resubmit', ...asApplicant, route: `pages/case-detail/case-detail?id=${returned}`, then: (p) => p.tap('补正后重新提交') },
    // Each kind of failure in its own words, with the action that helps.
    { name: 'case-detail-error', ...asApplicant, route: `pages/case-detail/case-detail?id=${accepted}`, stubs: { getCase: failing('服务繁忙，请稍后再试') } },
    { name: 'case-detail-not-found', ...asApplicant, route: `pages/case-detail/case-detail?id=${encodeURIComponent('办件 不存在')}` },
    { name: 'case-detail-forbidden', ...asApplicant, route: `pages/case-detail/case-detail?id=${accepted}`, stubs: { getCase: failing('您无权查看该办件', 'FORBIDDEN') } },
    { name: 'case-detail-offline', ...asApplicant, route: `pages/case-detail/case-detail?id=${accepted}`, offline: true },
    // 长辈模式: larger type and tap targets.
    { name: 'home-elder', ...asApplicant, storage: { elderMode: 'on' } },
    { name: 'case-detail-elder', ...asApplicant, route: `pages/case-detail/case-detail?id=${returned}`, storage: { elderMode: 'on' } },
    { name: 'apply-elder', ...asApplicant, route: `pages/apply/apply?code=${MATTER}`, storage: { elderMode: 'on' } },
    { name: 'my-cases-elder', ...asApplicant, route: 'pages/my-cases/my-cases', storage: { elderMode: 'on' } },
    { name: 'profile-elder', ...asApplicant, route: 'pages/profile/profile', storage: { elderMode: 'on' } },
    { name: 'sign-forms', ...asApplicant, route: `pages/sign-forms/sign-forms?id=${accepted}` },
    {
      name: 'sign-forms-signing', ...asApplicant, route: `pages/sign-forms/sign-forms?id=${accepted}`,
      then: async (p) => {
        await p.tap(/^我已阅读并同意/);
        await drawSignature(p);
      },
    },
    { name: 'group', ...asApplicant, route: `pages/group/group?id=${ready}` },
    { name: 'join-group-error', ...asApplicant, route: 'pages/join-group/join-group' },
    { name: 'booking-waiting', ...asApplicant, route: `pages/booking/booking?id=${ready}` },
    { name: 'booking-booked', ...asApplicant, route: `pages/booking/booking?id=${scheduled}` },
    { name: 'inbox', ...asApplicant, route: 'pages/inbox/inbox' },
    { name: 'profile', ...asApplicant, route: 'pages/profile/profile' },
    { name: 'profile-officer', ...asOfficer, route: 'pages/profile/profile' },
    { name: 'workbench', ...asOfficer, route: 'package-staff/pages/workbench/workbench' },
    { name: 'workbench-mine', ...asOfficer, route: 'package-staff/pages/workbench/workbench', then: (p) => p.tap('我的办件') },
    { name: 'workbench-not-staff', ...asApplicant, route: 'package-staff/pages/workbench/workbench' },
    { name: 'case-review', ...asOfficer, route: `package-staff/pages/case-review/case-review?id=${submitted}` },
    {
      name: 'case-review-accept', ...asOfficer, route: `package-staff/pages/case-review/case-review?id=${submitted}`,
      then: async (p) => {
        await p.tap('受理');
        await p.modal.waitFor();
      },
    },
    {
      name: 'case-review-return', ...asOfficer, route: `package-staff/pages/case-review/case-review?id=${submitted}`,
      then: async (p) => {
        await p.tap('退回补正');
        await p.fill('需补正的内容', '请补充最近一次水质检测报告');
      },
    },
    { name: 'ready-queue', ...asOfficer, route: 'package-staff/pages/ready-queue/ready-queue' },
    { name: 'offer-slots', ...asOfficer, route: `package-staff/pages/offer-slots/offer-slots?id=${ready}` },
    { name: 'countersign', ...asOfficer, route: `package-staff/pages/countersign/countersign?id=${scheduled}` },
    { name: 'meeting', ...asOfficer, route: `package-staff/pages/meeting/meeting?id=${scheduled}` },
    { name: 'meeting-tencent', ...asOfficer, route: `package-staff/pages/meeting/meeting?id=${scheduled}`, then: (p) => p.tap('进入腾讯会议') },
    { name: 'case-review-error', ...asOfficer, route: `package-staff/pages/case-review/case-review?id=${submitted}`, stubs: { getCase: failing('办件加载失败，请重试') } },
  ];
}

/** The person a page is for, by its package. */
const personFor = (route: string): string =>
  route.startsWith('package-staff/') ? OFFICER : route.includes('/regulator-') ? 'demo-regulator' : route.startsWith('package-supervise/') ? 'demo-supervisor' : APPLICANT;

/** Every page of app.json that the list above does not take, once, with a booked case's id for those that read one. */
function remainingPages(shots: Shot[], caseId: string): Shot[] {
  const app = JSON.parse(readFileSync('miniprogram/app.json', 'utf8')) as { pages: string[]; subpackages?: Array<{ root: string; pages: string[] }> };
  const routes = [...app.pages, ...(app.subpackages ?? []).flatMap((s) => s.pages.map((page) => `${s.root}/${page}`))];
  const taken = new Set(shots.map((s) => (s.route ?? app.pages[0]!).split('?')[0]));
  return routes
    .filter((route) => !taken.has(route))
    .map((route) => ({ name: route.split('/').pop()!, openid: personFor(route), privacyAgreed: true, route: `${route}?id=${caseId}` }));
}

async function photograph(browser: Browser, rt: RunningRuntime, shot: Shot): Promise<string[]> {
  const p = await Preview.open(browser, rt.url, { openid: shot.openid, privacyAgreed: shot.privacyAgreed, ...(shot.storage ? { storage: shot.storage } : {}) });
  for (const [action, answer] of Object.entries(shot.stubs ?? {})) await p.stub(action, answer);
  if (shot.offline) await p.page.route('**/functions/api', (route) => route.abort('internetdisconnected'));
  await p.goto(shot.route);
  // The page has loaded when its loading placeholder is gone.
  await p.screen.getByText('正在加载…').waitFor({ state: 'detached' });
  await shot.then?.(p);
  await p.screenshot(join(OUT, `${shot.name}.png`));
  const problems = await p.problems();
  await p.page.context().close();
  return problems.map((problem) => `${shot.name}: ${problem}`);
}

async function main(): Promise<void> {
  if (!hasChromium) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk`);
  mkdirSync(OUT, { recursive: true });
  const [rt, browser] = await Promise.all([startLocalRuntime(), launchChromium()]);
  try {
    const shots = await shotsFor(rt);
    const scheduled = (await rt.ok(APPLICANT, 'listMyCases', {})).items.find((c) => c.stateLabel === '已预约')!.id;
    const problems: string[] = [];
    for (const shot of [...shots, ...remainingPages(shots, scheduled)]) {
      problems.push(...(await photograph(browser, rt, shot)));
      console.log(`${OUT}/${shot.name}.png`);
    }
    // A wx call the preview lacks or an error in a page: the picture may not show what WeChat would.
    if (problems.length) {
      console.error(`the preview reported:\n${problems.join('\n')}`);
      process.exitCode = 1;
    }
    if (process.argv.includes('--docs')) {
      mkdirSync(DOCS, { recursive: true });
      for (const name of README_SHOTS) copyFileSync(join(OUT, `${name}.png`), join(DOCS, `${name}.png`));
      console.log(`copied ${README_SHOTS.length} into ${DOCS}/`);
    }
  } finally {
    await browser.close();
    await rt.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
