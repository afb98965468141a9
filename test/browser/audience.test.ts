import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';
import { CHROMIUM, Preview, hasChromium, launchChromium } from './support/preview';

// Every page as each person, in the browser preview, normal and in 长辈模式 (docs/audience.md):
// - axe-core finds no serious or critical violation on the phone's screen;
// - what an applicant or an on-site contact sees holds no 64-hex string, no code identifier, no %XX sequence, no
//   undefined / null / NaN, no text wider than its box, and no character alone on the last line of its text.

if (!hasChromium) console.warn(`SKIPPED: browser audience walk — no Chromium at ${CHROMIUM}`);
const describeInChromium = hasChromium ? describe : describe.skip;
jest.setTimeout(600_000);

const APPLICANT = 'demo-applicant';
const CONTACT = 'demo-contact';
const PARTIES = new Set([APPLICANT, CONTACT]);

/** Text a party must never read, with why. */
const INTERNAL: Array<[RegExp, string]> = [
  [/[0-9a-f]{64}/i, 'a 64-hex string'],
  [/\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/, 'a code identifier (camelCase)'],
  [/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/, 'a code identifier (CONSTANT_CASE)'],
  [/%[0-9A-F]{2}/i, 'a %XX sequence'],
  [/\b(?:undefined|null|NaN)\b/, 'undefined / null / NaN'],
];

interface Visit {
  who: string;
  route: string;
  /** A tab or button to tap before looking (a part of the page shown on request). */
  tap?: string;
  /** In 长辈模式, the button that first opens the part of the page `tap` is in. */
  elderTap?: string;
}

/** Elements on the screen whose content is wider than their box (and that do not scroll on purpose). */
const OVERFLOWING = `(() => {
  const screen = document.querySelector('.phone__page:not([hidden])');
  const edge = screen.getBoundingClientRect().right + 1;
  const found = [];
  for (const el of screen.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || !el.textContent.trim()) continue;
    if (['auto', 'scroll'].includes(style.overflowX)) continue;
    const r = el.getBoundingClientRect();
    const wider = el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && style.overflowX !== 'visible';
    if (r.width > 0 && (r.right > edge || wider)) found.push(el.textContent.trim().slice(0, 60));
  }
  return found;
})()`;

/** Texts whose last line holds a single character (a name, a time or a word broken with one character left over). */
const ORPHANS = `(() => {
  const screen = document.querySelector('.phone__page:not([hidden])');
  const found = [];
  const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    if (text.trim().length < 2 || !node.parentElement.offsetParent) continue;
    const range = document.createRange();
    const tops = [];
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect) tops.push(Math.round(rect.top));
    }
    const last = tops.length ? tops[tops.length - 1] : 0;
    const onLast = tops.filter((t) => Math.abs(t - last) < 3).length;
    if (tops.length > 1 && onLast === 1 && Math.abs(tops[0] - last) >= 3) found.push(text.trim().slice(0, 40));
  }
  return found;
})()`;

describeInChromium('what each person sees, every page (browser)', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  const visits: Visit[] = [];

  beforeAll(async () => {
    [rt, browser] = await Promise.all([startLocalRuntime(), launchChromium()]);
    // The on-site contact joins the booked case's group, as from the applicant's invitation.
    const cases = (await rt.ok(APPLICANT, 'listMyCases', { limit: 50 })).items;
    const booked = cases.find((c) => c.state === 'scheduled')!;
    const { token } = await rt.ok(APPLICANT, 'inviteContact', { caseId: booked.id });
    await rt.ok(CONTACT, 'joinGroupByInvite', { token });
    const matter = (await rt.ok(APPLICANT, 'listMatters', {}))[0]!.code;
    const odd = encodeURIComponent('办件 😀 编号');
    const e = encodeURIComponent;

    for (const page of ['home', 'my-cases', 'inbox', 'profile', 'credit']) visits.push({ who: APPLICANT, route: `pages/${page}/${page}` });
    visits.push({ who: APPLICANT, route: `pages/matter-detail/matter-detail?code=${e(matter)}` }, { who: APPLICANT, route: `pages/apply/apply?code=${e(matter)}` });
    for (const c of cases) visits.push({ who: APPLICANT, route: `pages/case-detail/case-detail?id=${e(c.id)}` });
    for (const page of ['group', 'booking', 'sign-forms', 'session-code', 'live-capture', 'rectification', 'rating']) {
      visits.push({ who: APPLICANT, route: `pages/${page}/${page}?id=${e(booked.id)}` });
    }
    // Chinese, emoji and spaces in every parameter: a case that does not exist, a matter that does not.
    for (const page of ['case-detail', 'group', 'booking', 'sign-forms', 'rating']) visits.push({ who: APPLICANT, route: `pages/${page}/${page}?id=${odd}` });
    visits.push({ who: APPLICANT, route: `pages/matter-detail/matter-detail?code=${odd}` }, { who: APPLICANT, route: `pages/join-group/join-group?token=${odd}` });
    for (const page of ['home', 'my-cases', 'inbox', 'profile']) visits.push({ who: CONTACT, route: `pages/${page}/${page}` });
    for (const page of ['case-detail', 'group', 'session-code', 'live-capture']) visits.push({ who: CONTACT, route: `pages/${page}/${page}?id=${e(booked.id)}` });
    // The group's 进度 tab: the case's timeline as the parties read it.
    for (const who of [APPLICANT, CONTACT]) visits.push({ who, route: `pages/group/group?id=${e(booked.id)}`, elderTap: '查看群消息、准备事项和会议手册', tap: '进度' });
    // Someone else's case: 无权查看, with a way back.
    const other = cases.find((c) => c.id !== booked.id)!;
    visits.push({ who: CONTACT, route: `pages/case-detail/case-detail?id=${e(other.id)}` });

    const handled = (await rt.ok('demo-staff', 'listHandlerCases', { limit: 50 })).items;
    for (const page of ['workbench', 'ready-queue']) visits.push({ who: 'demo-staff', route: `package-staff/pages/${page}/${page}` });
    for (const page of ['case-review', 'offer-slots', 'countersign', 'meeting', 'inspection', 'evidence', 'decision']) {
      visits.push({ who: 'demo-staff', route: `package-staff/pages/${page}/${page}?id=${e(handled[0]!.id)}` });
    }
    for (const page of ['dashboard', 'draws', 'follow-ups', 'findings', 'blacklist', 'upcoming']) visits.push({ who: 'demo-supervisor', route: `package-supervise/pages/${page}/${page}` });
    visits.push({ who: 'demo-supervisor', route: `package-supervise/pages/observe/observe?id=${e(booked.id)}` });
    visits.push({ who: 'demo-supervisor', route: `package-supervise/pages/draw/draw?month=${e('2026-11')}` });
    visits.push({ who: 'demo-regulator', route: 'package-supervise/pages/regulator-inbox/regulator-inbox' });
    visits.push({ who: 'demo-regulator', route: `package-supervise/pages/regulator-case/regulator-case?id=${odd}` });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  for (const elder of [false, true]) {
    test(`${elder ? '长辈模式' : 'normal type'}: no serious or critical axe violation; nothing internal before applicants and contacts`, async () => {
      const problems: string[] = [];
      let checked = 0;
      let partyPages = 0;
      let p: Preview | undefined;
      let who = '';
      for (const visit of visits) {
        if (visit.who !== who) {
          await p?.page.context().close();
          who = visit.who;
          p = await Preview.open(browser, rt.url, { openid: who, privacyAgreed: true, ...(elder ? { storage: { elderMode: 'on' } } : {}) });
        }
        await p!.goto(visit.route);
        // Loaded: whatever the page shows once its spinner is gone.
        await p!.screen.locator('.block__spinner').waitFor({ state: 'detached' }).catch(() => undefined);
        if (elder && visit.elderTap) await p!.tap(visit.elderTap);
        if (visit.tap) await p!.tap(visit.tap);
        await p!.page.waitForTimeout(150);
        const where = `${visit.who} ${visit.route}${visit.tap ? ` → ${visit.tap}` : ''}${elder ? ' (长辈模式)' : ''}`;
        if (elder) {
          const root = await p!.screen.locator('page > *').first().getAttribute('class');
          if (!/elder/.test(root ?? '')) problems.push(`${where}: not in 长辈模式 (root class "${root}")`);
        }
        const axe = await new AxeBuilder({ page: p!.page }).include('.phone__page:not([hidden])').analyze();
        for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          problems.push(`${where}: axe ${v.id} (${v.impact}) on ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
        if (PARTIES.has(visit.who)) {
          partyPages++;
          const text = await p!.text();
          for (const [pattern, what] of INTERNAL) {
            const m = pattern.exec(text);
            if (m) problems.push(`${where}: ${what}: "${m[0]}"`);
          }
          for (const wide of (await p!.page.evaluate(OVERFLOWING)) as string[]) problems.push(`${where}: wider than its box: "${wide}"`);
          for (const alone of (await p!.page.evaluate(ORPHANS)) as string[]) problems.push(`${where}: one character alone on the last line of "${alone}"`);
        }
        checked++;
        if (process.env.AUDIENCE_DUMP) console.log(where, (await p!.screen.innerHTML()).slice(0, 600));
      }
      await p?.page.context().close();
      expect(problems).toEqual([]);
      expect(checked).toBe(visits.length);
      expect(partyPages).toBeGreaterThan(25);
    });
  }
});
