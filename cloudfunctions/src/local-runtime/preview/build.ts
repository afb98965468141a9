import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative } from 'node:path';

// Builds the browser preview from the Mini Program's own sources, the way the page tests load them: every WXML
// compiled together by miniprogram-simulate's official compiler (wcc, from miniprogram-compiler), every WXSS
// class-prefixed by miniprogram-simulate's own WXSS step, and the pages' and components' TypeScript bundled by
// esbuild with the preview runtime in preview/. The result is rebuilt only when a source file changes.

/** One page or component as the browser registers it with j-component. */
interface ManifestEntry {
  /** Path from the Mini Program root without extension, e.g. 'pages/apply/apply'. */
  path: string;
  kind: 'page' | 'component';
  /** The element's tag: 'page' for pages, the name it is used by for components. */
  tagName: string;
  /** The class prefix that keeps this entry's WXSS classes its own (as j-component's classPrefix). */
  classPrefix: string;
  /** usingComponents, resolved to paths from the root. */
  using: Record<string, string>;
  /** The page's or component's .json (window settings of a page: title, pull-down refresh, …). */
  json: Record<string, unknown>;
}

interface PreviewManifest {
  app: Record<string, unknown>;
  entries: ManifestEntry[];
}

export interface PreviewBundle {
  js: string;
  /** The source map app.js links to: the browser's developer tools show the pages' TypeScript. */
  map: string;
}

type Json = Record<string, unknown>;

const nodeRequire = createRequire(__filename);

interface SimulateTools {
  wcc: { wxmlToJs(rootPath: string, options: { maxBuffer: number }): string };
  wxss: { compile(wxss: string, options: { prefix: string }): string };
}

/** miniprogram-simulate's own compilers, loaded when first needed (they are development dependencies). */
let tools: SimulateTools | undefined;
function simulateTools(): SimulateTools {
  if (!tools) {
    const simulateRequire = createRequire(nodeRequire.resolve('miniprogram-simulate'));
    tools = { wcc: simulateRequire('miniprogram-compiler'), wxss: simulateRequire('./src/wxss') };
  }
  return tools;
}

const readJson = (file: string): Json => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Json) : {});

/** A usingComponents value as a path from the root: absolute ('/components/x/x') or relative to the user. */
function resolveComponent(user: string, value: string): string {
  return value.startsWith('/') ? posix.normalize(value.slice(1)) : posix.join(posix.dirname(user), value);
}

/** The pages of app.json (main package and subpackages) and every component they reach. */
function readManifest(mpRoot: string): PreviewManifest {
  const app = readJson(join(mpRoot, 'app.json'));
  const subpackages = (app.subpackages ?? app.subPackages ?? []) as Array<{ root: string; pages: string[] }>;
  const pages = [...((app.pages ?? []) as string[]), ...subpackages.flatMap((s) => s.pages.map((p) => posix.join(s.root, p)))];
  const entries: ManifestEntry[] = [];
  const prefixes = new Set<string>();
  const uniquePrefix = (name: string): string => {
    let prefix = name;
    for (let n = 2; prefixes.has(prefix); n++) prefix = `${name}${n}`;
    prefixes.add(prefix);
    return prefix;
  };
  const seen = new Set<string>();
  const visit = (path: string, kind: ManifestEntry['kind'], usedAs: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const json = readJson(join(mpRoot, `${path}.json`));
    const using: Record<string, string> = {};
    const declared = { ...(app.usingComponents as Record<string, string> | undefined), ...(json.usingComponents as Record<string, string> | undefined) };
    for (const [tag, value] of Object.entries(declared)) {
      // Plugins and npm components are not in the project's sources.
      if (value.startsWith('plugin://')) continue;
      const target = resolveComponent(path, value);
      if (!existsSync(join(mpRoot, `${target}.json`))) continue;
      using[tag] = target;
    }
    entries.push({ path, kind, tagName: kind === 'page' ? 'page' : usedAs, classPrefix: uniquePrefix(posix.basename(path)), using, json });
    for (const [tag, target] of Object.entries(using)) visit(target, 'component', tag);
  };
  for (const page of pages) visit(page, 'page', 'page');
  return { app, entries };
}

/** rpx in WXSS becomes a multiple of --rpx, which the preview sets to the frame's width / 750. */
const convertRpx = (css: string): string => css.replace(/(-?\d*\.?\d+)rpx\b/g, 'calc($1 * var(--rpx))');

/** A type selector in a rule's selector (not in a declaration: a `{` follows before any `}`). */
const typeSelector = (names: string): RegExp => new RegExp(`(^|[{}\\s>+~,(])(${names})(?![-\\w])(?=[^{}]*\\{)`, 'g');

/** A page's own `page { … }` rules apply to that page only, as in WeChat. */
const scopePageSelector = (css: string, route: string): string => css.replace(typeSelector('page'), `$1page[data-route="${route}"]`);

/** WeChat's built-in components are <wx-view>, <wx-button>… elements: `view { … }` in WXSS means wx-view. */
const BUILTIN_TAGS = ['view', 'text', 'button', 'input', 'textarea', 'image', 'picker', 'switch', 'radio', 'radio-group', 'checkbox', 'checkbox-group',
  'scroll-view', 'canvas', 'navigator', 'progress', 'icon', 'rich-text', 'label', 'form', 'swiper', 'swiper-item', 'cover-view', 'cover-image', 'video', 'map'];
const prefixBuiltinTags = (css: string): string => css.replace(typeSelector(BUILTIN_TAGS.join('|')), '$1wx-$2');

/** A WXSS file with its @import-ed files inlined (miniprogram-simulate's reader caches for good; this one reads afresh). */
function readWxss(file: string): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').replace(/@import\s+(?:"([^"]+)"|'([^']+)');/g, (_all, a?: string, b?: string) => readWxss(join(dirname(file), (a ?? b)!)));
}

/** All styles: app.wxss under every page's prefix (it applies to pages, not to components), then each entry's own. */
function compileStyles(mpRoot: string, manifest: PreviewManifest): string {
  const wxssOf = (path: string): string => readWxss(join(mpRoot, `${path}.wxss`));
  const appWxss = wxssOf('app');
  return manifest.entries
    .map((entry) => {
      const own = wxssOf(entry.path);
      const css = entry.kind === 'page' ? `${appWxss}\n${scopePageSelector(own, entry.path)}` : own;
      return `/* ${entry.path} */\n${simulateTools().wxss.compile(prefixBuiltinTags(convertRpx(css)), { prefix: entry.classPrefix })}`;
    })
    .join('\n');
}

/** The JavaScript that returns wcc's `$gwx(path)` for every WXML file (run with `new Function` in the browser). */
function compileTemplates(mpRoot: string): string {
  // wcc reads each .json with require(), whose cache would keep an edited usingComponents until a restart.
  for (const file of Object.keys(nodeRequire.cache)) if (file.startsWith(mpRoot) && file.endsWith('.json')) delete nodeRequire.cache[file];
  return simulateTools().wcc.wxmlToJs(mpRoot, { maxBuffer: 64 * 1024 * 1024 });
}

/** The generated module the preview runtime imports as 'preview:app'. */
function appModule(projectRoot: string, mpRoot: string): string {
  const manifest = readManifest(mpRoot);
  const moduleOf = (path: string) => JSON.stringify(`./${relative(projectRoot, join(mpRoot, `${path}.ts`)).split('\\').join('/')}`);
  const loaders = [`"app": () => require(${moduleOf('app')})`, ...manifest.entries.map((e) => `${JSON.stringify(e.path)}: () => require(${moduleOf(e.path)})`)];
  return [
    `export const manifest = ${JSON.stringify(manifest)};`,
    `export const styles = ${JSON.stringify(compileStyles(mpRoot, manifest))};`,
    `export const templates = new Function(${JSON.stringify(compileTemplates(mpRoot))});`,
    `export const loaders = {\n  ${loaders.join(',\n  ')}\n};`,
  ].join('\n');
}

/** Bundles preview/src/main.ts for the browser, with the Mini Program's sources compiled in. */
async function buildPreview(projectRoot: string): Promise<PreviewBundle> {
  const mpRoot = join(projectRoot, 'miniprogram');
  const result = await build({
    entryPoints: [join(projectRoot, 'preview/src/main.ts')],
    // Not written (write: false): it names app.js and its map.
    outfile: join(projectRoot, 'build/preview/app.js'),
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    // j-component reaches for Node's `global`.
    define: { global: 'globalThis' },
    loader: { '.css': 'text' },
    sourcemap: 'linked',
    logLevel: 'silent',
    plugins: [
      {
        name: 'preview-app',
        setup(b) {
          b.onResolve({ filter: /^preview:app$/ }, () => ({ path: 'app', namespace: 'preview-app' }));
          b.onLoad({ filter: /.*/, namespace: 'preview-app' }, () => ({ contents: appModule(projectRoot, mpRoot), resolveDir: projectRoot, loader: 'js' }));
        },
      },
    ],
  });
  const output = (suffix: string) => result.outputFiles.find((f) => f.path.endsWith(suffix))!.text;
  return { js: output('app.js'), map: output('app.js.map') };
}

/** Newest modification time and number of files under the folders: a change to any source changes it. */
function fingerprint(folders: string[]): string {
  let newest = 0;
  let count = 0;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'miniprogram_npm') continue;
      const file = join(dir, name);
      const st = statSync(file);
      if (st.isDirectory()) walk(file);
      else {
        count++;
        newest = Math.max(newest, st.mtimeMs);
      }
    }
  };
  for (const folder of folders) if (existsSync(folder)) walk(folder);
  return `${count}:${newest}`;
}

/** The bundle, built again only when the Mini Program, the preview runtime or the typings changed. */
export function cachedPreviewBuilder(projectRoot: string): () => Promise<PreviewBundle> {
  const folders = ['miniprogram', 'preview', 'typings'].map((f) => join(projectRoot, f));
  let last: { key: string; bundle: Promise<PreviewBundle> } | undefined;
  return () => {
    const key = fingerprint(folders);
    if (!last || last.key !== key) {
      const attempt = { key, bundle: buildPreview(projectRoot) };
      // A failed build is not kept: the next request tries again.
      attempt.bundle.catch(() => {
        if (last === attempt) last = undefined;
      });
      last = attempt;
    }
    return last.bundle;
  };
}
