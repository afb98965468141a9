// The whole test run: build, type-check, every jest suite; ends with the line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } }).status;
let passed = 0;
let failed = 0;

for (const [name, cmd, args] of [
  ['build', 'node', ['scripts/build.mjs']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck (Mini Program)', 'npx', ['tsc', '-p', 'tsconfig.miniprogram.json', '--noEmit']],
  ['typecheck (browser preview)', 'npx', ['tsc', '-p', 'tsconfig.preview.json', '--noEmit']],
]) {
  const status = run(cmd, args);
  console.log(`${status === 0 ? 'ok' : 'FAILED'}: ${name}`);
  status === 0 ? passed++ : failed++;
}

// The browser tests drive Debian's Chromium and read Chinese off its screen. CI runs as root on a fresh machine:
// install them there (apt-get, never a browser download). Without Chromium the browser tests are skipped.
const CHROMIUM = '/usr/bin/chromium';
const hasCjkFont = spawnSync('dpkg-query', ['-W', '-f=${Status}', 'fonts-noto-cjk']).stdout?.toString().includes('ok installed');
const missing = [!existsSync(CHROMIUM) && 'chromium', !hasCjkFont && 'fonts-noto-cjk'].filter(Boolean);
if (missing.length && process.env.CI === 'true' && process.getuid?.() === 0) {
  console.log(`installing ${missing.join(', ')} for the browser tests (apt-get)`);
  const apt = (...args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!(apt('update', '-q') && apt('install', '-y', '-q', '--no-install-recommends', ...missing))) console.log(`apt-get could not install ${missing.join(', ')}`);
}
if (!existsSync(CHROMIUM)) console.log(`SKIPPED: the browser tests — no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk)`);

const out = 'test-results.json';
rmSync(out, { force: true });
run('npx', ['jest', '--json', `--outputFile=${out}`, ...process.argv.slice(2)]);
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  if (r.numPendingTests) console.log(`${r.numPendingTests} skipped`);
} else {
  failed++;
  console.log('FAILED: jest wrote no results');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
