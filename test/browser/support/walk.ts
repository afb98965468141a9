import type { Browser } from 'playwright-core';
import { type RunningRuntime, startLocalRuntime } from '../../support/local-runtime';
import { CHROMIUM, Preview, hasChromium, launchChromium } from './preview';

/** `describe` where Chromium is installed; elsewhere the walk is skipped, and the run says so. */
export function describeWalk(name: string, walk: () => void): void {
  if (!hasChromium) console.warn(`SKIPPED: browser tests — no Chromium at ${CHROMIUM} (npm test installs Debian's chromium when CI=true and run as root)`);
  (hasChromium ? describe : describe.skip)(name, walk);
}

/**
 * A fresh local runtime and Chromium with the preview open, for the steps of one walk, closed after them. Starting
 * them and building the preview's bundle the first time takes longer than a step. The preview answered stands for
 * the one opened before the first step.
 */
export function previewForWalk(): Preview {
  let rt: RunningRuntime | undefined;
  let browser: Browser | undefined;
  let opened: Preview | undefined;
  beforeAll(async () => {
    [rt, browser] = await Promise.all([startLocalRuntime(), launchChromium()]);
    opened = await Preview.open(browser, rt.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });
  return new Proxy({} as Preview, {
    get(_, key) {
      if (!opened) throw new Error('the preview opens before the walk’s first step');
      const value: unknown = Reflect.get(opened, key);
      return typeof value === 'function' ? value.bind(opened) : value;
    },
  });
}
