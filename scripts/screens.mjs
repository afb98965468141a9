// npm run screens: every page in its main states as PNGs in screens/ (see test/browser/screens.ts); --docs also
// refreshes the README's pictures in docs/screens/. Needs the built runtime (npm run build) and Chromium.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

await build({
  entryPoints: ['test/browser/screens.ts'],
  outfile: 'build/screens.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  // test/support/local-runtime.ts finds the project from its own folder, which bundling would move to build/.
  define: { __dirname: JSON.stringify(resolve('test/support')) },
});
process.exit(spawnSync(process.execPath, ['build/screens.js', ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1);
