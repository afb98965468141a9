import { manifest, styles } from 'preview:app';
import { config } from '../../miniprogram/config/config';
import { registerBuiltins } from './builtins';
import { loadMiniProgram } from './mini-program';
import { describeError, reportProblem } from './problems';
import { createRouter } from './router';
import { SCREEN, createShell, fillIdentityBar } from './shell';
import shellCss from './shell.css';
import { createDevice } from './wx/device';
import { USER_DATA_PATH, createFiles, fileUrl } from './wx/files';
import { request } from './wx/network';
import { createOpen, shareFromButton } from './wx/open';
import { createPrivacy } from './wx/privacy';
import { SelectorQuery } from './wx/selector-query';
import { storage } from './wx/storage';
import { createUi } from './wx/ui';

// The browser preview: the phone frame, the wx shim, the built-in components, then the Mini Program itself.

for (const css of [shellCss, styles]) document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
window.addEventListener('error', (e) => reportProblem(describeError(e.error ?? e.message)));
window.addEventListener('unhandledrejection', (e) => reportProblem(`unhandled rejection: ${describeError(e.reason)}`));

const frame = createShell(document.getElementById('preview')!);
const ui = createUi(frame.overlay);
const privacy = createPrivacy(ui);

/** An image source as the browser loads it: a project path from the Mini Program root, or a temporary file. */
const imageUrl = (src: string): string => (src.startsWith('/') ? `/preview/mp${src}` : fileUrl(src));

const entries = new Map(manifest.entries.map((e) => [e.path, e]));
const router = createRouter(frame, manifest.app, entries, imageUrl);

const wxApi: Record<string, unknown> = {
  ...ui,
  ...storage,
  ...createFiles(privacy),
  ...createDevice(ui, privacy, SCREEN),
  ...createOpen(ui),
  ...privacy.api,
  ...router.api,
  request,
  env: { USER_DATA_PATH },
  createSelectorQuery: () => new SelectorQuery(router.currentNode()),
};
// A wx call the preview does not provide is reported under the frame instead of failing without a word.
(globalThis as Record<string, unknown>).wx = new Proxy(wxApi, {
  get(target, name) {
    if (typeof name === 'string' && !(name in target)) reportProblem(`wx.${name} is not available in the preview`);
    return target[name as string];
  },
});

fillIdentityBar(frame.identityBar);
registerBuiltins({ agreePrivacy: privacy.agree, navigate: router.navigate, imageUrl, share: (target) => void shareFromButton(ui, router.pages().at(-1), target) });

// The Mini Program's local mode calls the local runtime; here that is the server this page came from.
config.localBaseUrl = location.origin;

const app = loadMiniProgram({ getCurrentPages: router.pages });
const launch = { path: String((manifest.app.pages as string[])[0]), query: {}, scene: 1001 };
try {
  app.onLaunch?.call(app, launch);
  app.onShow?.call(app, launch);
} catch (e) {
  reportProblem(`app.ts onLaunch: ${describeError(e)}`);
}
router.launch();
// A route typed into the address bar (#/pages/…) opens that page.
window.addEventListener('hashchange', () => router.launch());
