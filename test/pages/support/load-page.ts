import simulate = require('miniprogram-simulate');

// The Mini Program project compiles without Node's and the DOM's typings; the few names used here:
declare const __dirname: string;
declare const document: { createElement(tag: string): any };
const path = require('path') as { join(...parts: string[]): string; resolve(...parts: string[]): string };

export const ROOT = path.resolve(__dirname, '../../../miniprogram');

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
