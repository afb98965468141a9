import { existsSync } from 'node:fs';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';

// Drives the browser preview (/preview/ of the local runtime) in Debian's Chromium, the way a person uses it:
// choosing an identity in the bar above the phone, tapping what the screen shows, typing into labelled fields.

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Headless Chromium as this machine allows it (machines/node.md); Playwright gives it a new, empty profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface FileToChoose {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface OpenOptions {
  /** The page to open ('pages/apply/apply?code=…'); the app's first page when absent. */
  route?: string;
  /** The demo identity to start as, set before the app starts (the identity bar changes it later). */
  openid?: string;
  /** Whether the privacy prompt was already agreed to, as on a phone that has used the app before. */
  privacyAgreed?: boolean;
  /** The Mini Program's storage before it starts (wx.setStorageSync's keys and values), e.g. { elderMode: 'on' }. */
  storage?: Record<string, unknown>;
}

/** An answer of the `api` function, as stubs give it. */
export type ApiAnswer = { ok: true; data: unknown } | { ok: false; code: string; message: string };

export class Preview {
  private readonly stubs = new Map<string, { answer: ApiAnswer; times: number }>();

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  static async open(browser: Browser, baseUrl: string, options: OpenOptions = {}): Promise<Preview> {
    // A context of its own (axe-core's Playwright builder needs one it can open pages in).
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    // A step waits for what it needs to see; nothing on a local runtime takes this long.
    page.setDefaultTimeout(10_000);
    const storage = {
      ...(options.openid ? { 'wx:dev.openid': JSON.stringify(options.openid) } : {}),
      ...(options.privacyAgreed ? { 'preview.privacyAgreed': 'yes' } : {}),
      ...Object.fromEntries(Object.entries(options.storage ?? {}).map(([k, v]) => [`wx:${k}`, JSON.stringify(v)])),
    };
    await page.addInitScript({ content: `for (const [k, v] of Object.entries(${JSON.stringify(storage)})) localStorage.setItem(k, v);` });
    const preview = new Preview(page, baseUrl);
    await preview.goto(options.route);
    return preview;
  }

  /** Answers one action of the `api` function in place of the local runtime (an error, an empty list), `times` times. */
  async stub(action: string, answer: ApiAnswer, times = Infinity): Promise<void> {
    if (!this.stubs.size) {
      await this.page.route('**/functions/api', (route) => {
        const stub = this.stubs.get((route.request().postDataJSON() as { action: string }).action);
        if (!stub || stub.times <= 0) return route.fallback();
        stub.times--;
        return route.fulfill({ json: stub.answer });
      });
    }
    this.stubs.set(action, { answer, times });
  }

  /** Opens the preview afresh at a page ('pages/apply/apply?code=…'), or at the first page. */
  async goto(route = ''): Promise<void> {
    // From another document, so that the app starts anew even when only the hash differs.
    await this.page.goto('about:blank');
    await this.page.goto(`${this.baseUrl}/preview/${route ? `#/${route}` : ''}`);
    await this.page.locator(`.phone__page:not([hidden]) > page${route ? `[data-route="${route.split('?')[0]}"]` : ''}`).waitFor();
  }

  /** The page on top of the stack (pages under it are hidden). */
  get screen(): Locator {
    return this.page.locator('.phone__page:not([hidden])');
  }

  get navTitle(): Locator {
    return this.page.locator('.phone__title');
  }

  /** The route and query of the page on top, as the URL's hash holds them. */
  route(): string {
    return decodeURI(new URL(this.page.url()).hash.replace(/^#\//, ''));
  }

  /** Chooses a demo identity in the identity bar (or stays the current one); the same page opens again as that person. */
  async as(openid: string): Promise<void> {
    // Someone who is no demo user (an officer who opened a binding link) has no button: only the current one stays.
    const current = await this.page.evaluate<string | null>("localStorage.getItem('wx:dev.openid')");
    if (current === JSON.stringify(openid)) return;
    const button = this.page.locator(`.identity[data-openid="${openid}"]`);
    // The current identity's button does nothing.
    if ((await button.getAttribute('aria-pressed')) === 'true') return;
    await Promise.all([this.page.waitForEvent('load'), button.click()]);
    await this.page.locator(`.identity[data-openid="${openid}"][aria-pressed="true"]`).waitFor();
    await this.screen.waitFor();
  }

  /** Taps the element on the screen showing exactly this text (or matching this pattern). */
  async tap(text: string | RegExp): Promise<void> {
    await this.screen.getByText(text, { exact: true }).click();
  }

  async tapTab(text: string): Promise<void> {
    await this.page.locator('.phone__tab', { hasText: text }).click();
  }

  /** Back to a tab page as a person would: the back arrow until the tab bar shows, or the home button. */
  async toTabs(): Promise<void> {
    const tabBar = this.page.locator('.phone__tabbar');
    const home = this.page.locator('.phone__home');
    while (!(await tabBar.isVisible())) {
      if (await home.isVisible()) await home.click();
      else await this.back();
    }
  }

  async back(): Promise<void> {
    await this.page.locator('.phone__back').click();
  }

  /** The input or textarea of the form row with this label. */
  field(label: string): Locator {
    return this.screen.locator('form-row', { has: this.page.locator('.form-row--row__label', { hasText: label }) }).locator('input, textarea');
  }

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  /** The dialog over the phone (showModal, chooseLocation, …). */
  get modal(): Locator {
    return this.page.locator('.wx-modal');
  }

  async confirmModal(button: string): Promise<void> {
    await this.modal.getByText(button, { exact: true }).click();
    await this.modal.waitFor({ state: 'detached' });
  }

  /** Taps what opens the file chooser (through the action sheet's choice, if one shows) and chooses the file. */
  async chooseFile(tapText: string, sheetChoice: string, file: FileToChoose): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.tap(tapText);
    await this.page.locator('.wx-sheet').getByText(sheetChoice, { exact: true }).click();
    await (await chooser).setFiles(file);
  }

  /** Waits until the screen shows this text. */
  async sees(text: string): Promise<void> {
    await this.screen.getByText(text).first().waitFor();
  }

  async text(): Promise<string> {
    return this.screen.innerText();
  }

  /** What the preview reported under the frame: wx calls it lacks, errors thrown by the Mini Program's code. */
  problems(): Promise<string[]> {
    return this.page.locator('.preview__problem').allInnerTexts();
  }

  /** The phone alone, as a PNG. */
  async screenshot(path: string): Promise<void> {
    await this.page.locator('.phone').screenshot({ path, animations: 'disabled' });
  }
}
