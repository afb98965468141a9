// Builds each deployable cloud function folder into a self-contained app.js (the TypeScript it needs bundled
// in; index.js loads it with the V8 code cache made here, app.cache; wx-server-sdk installed by the function's own package.json in the cloud), the local runtime, the deploy and
// cloud-check command (build/deploy.js), and the files derived from the code for people and tools that read files
// (the security rules for the console, each function's config.json for WeChat DevTools).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FUNCTIONS = ['api', 'monthly-draw', 'reminders', 'pdf'];
// charset utf8: Chinese text stays three bytes a character instead of a six-byte \u escape.
const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', legalComments: 'none', charset: 'utf8' };

const entries = FUNCTIONS.filter((name) => existsSync(`cloudfunctions/src/entries/${name}.ts`));

// @pdf-lib/fontkit 1.1.1 decompresses Brotli's 120 KB dictionary in plain JavaScript when it is loaded (tens of ms
// of a cold start), though only a WOFF2 font needs it and the pdf function embeds a TrueType font: the bundle
// decompresses it the first time a WOFF2 glyph is read instead. A fontkit whose text differs fails the build here.
const BROTLI_DICTIONARY_INIT = 'dictionary.init(BrotliDecompressBuffer);';
const lazyBrotliDictionary = {
  name: 'lazy-brotli-dictionary',
  setup(b) {
    b.onLoad({ filter: /[\\/]@pdf-lib[\\/]fontkit[\\/]dist[\\/]fontkit\.(umd|es)\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (source.split(BROTLI_DICTIONARY_INIT).length !== 2) throw new Error(`${path}: the Brotli dictionary's initialisation is not where the build expects it`);
      const lazy =
        'Object.defineProperty(dictionary, "dictionary", { configurable: true, enumerable: true, get: function () {' +
        ' delete dictionary.dictionary; dictionary.init(BrotliDecompressBuffer); return dictionary.dictionary; } });';
      return { contents: source.replace(BROTLI_DICTIONARY_INIT, lazy), loader: 'js' };
    });
  },
};
// exceljs (with its zip and stream libraries, a third of the pdf bundle) serves only the statistics workbook: it
// is a file of its own in the pdf folder, loaded by the first workbook job, so a PDF render never compiles it.
const EXCELJS_FILE = 'lib/exceljs.js';
const exceljsApart = {
  name: 'exceljs-apart',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: `./${EXCELJS_FILE}`, external: true }));
  },
};
// The pilot matters' catalogue (catalogue/pilot-matters.ts) is read only by installPilotMatters: the api folder
// carries it as data (assets/pilot-matters.json, written below from the same module) rather than in its bundle.
const PILOT_MATTERS_FILE = 'assets/pilot-matters.json';
const pilotMattersAsData = {
  name: 'pilot-matters-as-data',
  setup(b) {
    b.onResolve({ filter: /[\\/]catalogue[\\/]pilot-matters$/ }, () => ({ path: `./${PILOT_MATTERS_FILE}`, external: true }));
  },
};
mkdirSync('build/metafiles', { recursive: true });
await Promise.all([
  ...entries.map(async (name) => {
    // What each bundle is made of, for the size test (the api must carry no PDF code) and for reading by hand.
    const { metafile } = await build({
      ...common,
      entryPoints: [`cloudfunctions/src/entries/${name}.ts`],
      outfile: `cloudfunctions/${name}/app.js`,
      // CloudBase's oldest runtime we support is Nodejs16.13 (npm run deploy asks for its default, Node 20): syntax
      // Node 16.13 runs is left as written. Native and platform modules are installed there, not bundled.
      target: 'node16.13',
      external: ['wx-server-sdk', 'better-sqlite3'],
      // hash-wasm's CommonJS entry carries every algorithm's wasm (200 KB); its ES module lets the bundle keep SHA-256 only.
      // Fully minified: CloudBase fetches, unpacks and compiles the folder on every cold start.
      minify: true,
      metafile: true,
      // The workbook's exceljs file is loaded with a plain require: jest's module sandbox, which runs the built
      // folder in tests, has no import().
      ...(name === 'pdf' ? { plugins: [lazyBrotliDictionary, exceljsApart], supported: { 'dynamic-import': false } } : {}),
      ...(name === 'api' ? { plugins: [pilotMattersAsData] } : {}),
      // pdf-lib's pako (deflate in JavaScript) answered by Node's zlib in the pdf function: see the module.
      alias: { 'hash-wasm': 'hash-wasm/dist/index.esm.js', ...(name === 'pdf' ? { pako: './cloudfunctions/src/render/pako-on-zlib.ts' } : {}) },
    });
    writeFileSync(`build/metafiles/${name}.json`, JSON.stringify(metafile));
    copyFileSync('cloudfunctions/src/entries/code-cache-loader.cjs', `cloudfunctions/${name}/index.js`);
  }),
  build({ ...common, entryPoints: ['exceljs'], outfile: `cloudfunctions/pdf/${EXCELJS_FILE}`, target: 'node16.13', minify: true }),
  build({
    ...common,
    entryPoints: ['cloudfunctions/src/local-runtime/server.ts'],
    outfile: 'build/local-runtime.js',
    target: 'node20',
    packages: 'external',
  }),
  build({ ...common, entryPoints: ['cloudfunctions/src/deploy/generated-files.ts'], outfile: 'build/generated-files.js', target: 'node20' }),
  build({ ...common, entryPoints: ['cloudfunctions/src/deploy/common-font.ts'], outfile: 'build/common-font.js', target: 'node20', packages: 'external' }),
  build({ ...common, entryPoints: ['cloudfunctions/src/deploy/run.ts'], outfile: 'build/deploy.js', target: 'node20', packages: 'external' }),
]);

// The Chinese font for PDFs travels with the function that renders them.
const font = (() => {
  try {
    return require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  } catch {
    return null;
  }
})();
if (font) {
  mkdirSync('cloudfunctions/pdf/assets', { recursive: true });
  copyFileSync(font, 'cloudfunctions/pdf/assets/NotoSansSC-Regular.ttf');
  // Beside it, its common subset (GB 2312 and every character of the function's own wording: the project's source
  // files in its bundle), which renders a document whose characters it all draws (cloudfunctions/src/render/font.ts).
  const { writeCommonFont } = require(join(process.cwd(), 'build/common-font.js'));
  const { inputs } = JSON.parse(readFileSync('build/metafiles/pdf.json', 'utf8'));
  const wording = Object.keys(inputs).filter((input) => !input.includes('node_modules/')).map((input) => readFileSync(input, 'utf8')).join('');
  await writeCommonFont(readFileSync(font), 'cloudfunctions/pdf/assets', wording);
}
// Each function's code cache (see code-cache-loader.cjs): its bundle compiled and run once, in a fresh process as the
// loader will run it, and V8's code for what ran saved beside it. Made with this Node.js: a runtime on another V8
// rejects it and compiles as before.
for (const name of entries) {
  const make =
    "const M=require('module'),fs=require('fs'),vm=require('vm'),f=process.argv[1];" +
    "const s=new vm.Script(M.wrap(fs.readFileSync(f,'utf8')),{filename:f}),m=new M(f);m.filename=f;m.paths=M._nodeModulePaths(require('path').dirname(f));" +
    "s.runInThisContext().call(m.exports,m.exports,M.createRequire(f),m,f,require('path').dirname(f));" +
    "fs.writeFileSync(f.replace(/app\\.js$/,'app.cache'),s.createCachedData());";
  execFileSync(process.execPath, ['-e', make, join(process.cwd(), `cloudfunctions/${name}/app.js`)], { stdio: 'inherit' });
}
// Only the pdf function renders: an older build's font must not ride along in another function's folder.
for (const name of FUNCTIONS.filter((n) => n !== 'pdf')) rmSync(`cloudfunctions/${name}/assets`, { recursive: true, force: true });

const { generatedFiles, functionAssets } = require(join(process.cwd(), 'build/generated-files.js'));
const written = Object.entries({ ...generatedFiles(), ...functionAssets() });
for (const [path, text] of written) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`built: ${entries.map((e) => `cloudfunctions/${e}/{index.js,app.js,app.cache}`).join(', ')}, build/local-runtime.js, build/deploy.js, ${written.map(([p]) => p).join(', ')}`);
