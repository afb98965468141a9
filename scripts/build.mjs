// Builds each deployable cloud function folder into a self-contained index.js (the TypeScript it needs bundled
// in; wx-server-sdk installed by the function's own package.json in the cloud), the local runtime, the deploy and
// cloud-check command (build/deploy.js), and the files derived from the code for people and tools that read files
// (the security rules for the console, each function's config.json for WeChat DevTools).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FUNCTIONS = ['api', 'monthly-draw', 'reminders', 'pdf'];
// charset utf8: Chinese text stays three bytes a character instead of a six-byte \u escape.
const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', legalComments: 'none', charset: 'utf8' };

const entries = FUNCTIONS.filter((name) => existsSync(`cloudfunctions/src/entries/${name}.ts`));
mkdirSync('build/metafiles', { recursive: true });
await Promise.all([
  ...entries.map(async (name) => {
    // What each bundle is made of, for the size test (the api must carry no PDF code) and for reading by hand.
    const { metafile } = await build({
      ...common,
      entryPoints: [`cloudfunctions/src/entries/${name}.ts`],
      outfile: `cloudfunctions/${name}/index.js`,
      // CloudBase's oldest runtime we support is Nodejs16.13 (npm run deploy asks for its default, Node 20): syntax
      // Node 16.13 runs is left as written. Native and platform modules are installed there, not bundled.
      target: 'node16.13',
      external: ['wx-server-sdk', 'better-sqlite3'],
      // hash-wasm's CommonJS entry carries every algorithm's wasm (200 KB); its ES module lets the bundle keep SHA-256 only.
      alias: { 'hash-wasm': 'hash-wasm/dist/index.esm.js' },
      // Fully minified: CloudBase fetches, unpacks and compiles the folder on every cold start.
      minify: true,
      metafile: true,
    });
    writeFileSync(`build/metafiles/${name}.json`, JSON.stringify(metafile));
  }),
  build({
    ...common,
    entryPoints: ['cloudfunctions/src/local-runtime/server.ts'],
    outfile: 'build/local-runtime.js',
    target: 'node20',
    packages: 'external',
  }),
  build({ ...common, entryPoints: ['cloudfunctions/src/deploy/generated-files.ts'], outfile: 'build/generated-files.js', target: 'node20' }),
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
}
// Only the pdf function renders: an older build's font must not ride along in another function's folder.
for (const name of FUNCTIONS.filter((n) => n !== 'pdf')) rmSync(`cloudfunctions/${name}/assets`, { recursive: true, force: true });

const { generatedFiles } = require(join(process.cwd(), 'build/generated-files.js'));
const written = Object.entries(generatedFiles());
for (const [path, text] of written) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`built: ${entries.map((e) => `cloudfunctions/${e}/index.js`).join(', ')}, build/local-runtime.js, build/deploy.js, ${written.map(([p]) => p).join(', ')}`);
