// Builds each deployable cloud function folder into a self-contained index.js (the TypeScript it needs bundled
// in; wx-server-sdk installed by the function's own package.json in the cloud), the local runtime, the deploy and
// cloud-check command (build/deploy.js), and the files derived from the code for people and tools that read files
// (the security rules for the console, each function's config.json for WeChat DevTools).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FUNCTIONS = ['api', 'monthly-draw', 'reminders'];
const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

const entries = FUNCTIONS.filter((name) => existsSync(`cloudfunctions/src/entries/${name}.ts`));
await Promise.all([
  ...entries.map((name) =>
    build({
      ...common,
      entryPoints: [`cloudfunctions/src/entries/${name}.ts`],
      outfile: `cloudfunctions/${name}/index.js`,
      // CloudBase runs Node 16 and up; native and platform modules are installed there, not bundled.
      target: 'node16',
      external: ['wx-server-sdk', 'better-sqlite3'],
      minifyWhitespace: true,
    }),
  ),
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
  mkdirSync('cloudfunctions/api/assets', { recursive: true });
  copyFileSync(font, 'cloudfunctions/api/assets/NotoSansSC-Regular.ttf');
}

const { generatedFiles } = require(join(process.cwd(), 'build/generated-files.js'));
const written = Object.entries(generatedFiles());
for (const [path, text] of written) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`built: ${entries.map((e) => `cloudfunctions/${e}/index.js`).join(', ')}, build/local-runtime.js, build/deploy.js, ${written.map(([p]) => p).join(', ')}`);
