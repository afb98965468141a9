import simulate = require('miniprogram-simulate');

// The Mini Program project compiles without Node's and the DOM's typings; the few names used here:
declare const __dirname: string;
declare const document: { createElement(tag: string): any };
const path = require('path') as { join(...parts: string[]): string; resolve(...parts: string[]): string };

export const ROOT = path.resolve(__dirname, '../../../miniprogram');

/**
 * Every setData payload a page sends, by page (issue 14): one over the budget fails the test that caused it, and
 * with RVI_SETDATA_LOG set the largest per page is appended to that file for `npm run bench`.
 */
export const SET_DATA_BUDGET_BYTES = 32 * 1024;
interface SetDataRecord {
  page: string;
  bytes: number;
  keys: string[];
}
const recorded: SetDataRecord[] = [];
let checkedUpTo = 0;
/** Bytes of the payload as it crosses from the logic layer to the view: its JSON in UTF-8. */
const payloadBytes = (data: unknown): number => unescape(encodeURIComponent(JSON.stringify(data) ?? '')).length;

/** The sizes in bytes of every setData a page has sent in this test file, in order. */
export const setDataSizes = (page: string): number[] => recorded.filter((r) => r.page === page).map((r) => r.bytes);

afterEach(() => {
  const over = recorded.slice(checkedUpTo).filter((r) => r.bytes > SET_DATA_BUDGET_BYTES);
  checkedUpTo = recorded.length;
  if (over.length) {
    throw new Error(over.map((r) => `setData of ${r.bytes} bytes on ${r.page} (${r.keys.join(', ')}) is over the ${SET_DATA_BUDGET_BYTES}-byte budget`).join('\n'));
  }
});

afterAll(() => {
  const file = (globalThis as any).process?.env?.RVI_SETDATA_LOG as string | undefined;
  if (!file || !recorded.length) return;
  const largest = new Map<string, SetDataRecord>();
  for (const r of recorded) if (r.bytes > (largest.get(r.page)?.bytes ?? -1)) largest.set(r.page, r);
  const fs = require('fs') as { appendFileSync(file: string, text: string): void };
  fs.appendFileSync(file, [...largest.values()].map((r) => JSON.stringify(r)).join('\n') + '\n');
});

export interface LoadedPage {
  comp: ReturnType<typeof simulate.render>;
  /** The page's `this`: data, setData and its handlers. */
  page: any;
  /** All text on the page, child components included. */
  text(): string;
  /** Taps the element with this selector (on the page, or inside a child component: '#host >>> .inner'; tag names do not match). */
  tap(selector: string): Promise<void>;
  /** Types a value into an input or textarea. */
  type(selector: string, value: string): Promise<void>;
  exists(selector: string): boolean;
}

/** Renders a page (e.g. 'pages/apply/apply') fresh: modules and the app's globalData start again. */
export function loadPage(page: string): LoadedPage {
  jest.resetModules();
  (globalThis as any).__testApp = { globalData: {} };
  const id = simulate.load(path.join(ROOT, page), 'page', { rootPath: ROOT });
  const comp = simulate.render(id);
  const instance = comp.instance as { setData(data: Record<string, unknown>, done?: () => void): void };
  const setData = instance.setData.bind(instance);
  instance.setData = (data, done) => {
    recorded.push({ page, bytes: payloadBytes(data), keys: Object.keys(data) });
    setData(data, done);
  };
  comp.attach(document.createElement('parent-wrapper'));
  const find = (selector: string) => {
    const [host, inner] = selector.split(' >>> ');
    const node = comp.querySelector(host!);
    const found = node && inner ? node.querySelector(inner) : node;
    if (!found) throw new Error(`no element ${selector}`);
    return found;
  };
  return {
    comp,
    page: comp.instance,
    text: () => comp.dom!.textContent ?? '',
    async tap(selector) {
      find(selector).dispatchEvent('tap');
      await settled();
    },
    async type(selector, value) {
      find(selector).dispatchEvent('input', { detail: { value } });
      await settled();
    },
    exists: (selector) => {
      try {
        find(selector);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Lets every pending callback and promise of the page run. */
export async function settled(): Promise<void> {
  for (let i = 0; i < 5; i++) await simulate.sleep(0);
}
