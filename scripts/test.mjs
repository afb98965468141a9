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
]) {
  const status = run(cmd, args);
  console.log(`${status === 0 ? 'ok' : 'FAILED'}: ${name}`);
  status === 0 ? passed++ : failed++;
}

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
