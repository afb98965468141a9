// node scripts/tab-icons.mjs: bundles scripts/tab-icons.ts (it draws with the tests' PNG writer) and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({ entryPoints: ['scripts/tab-icons.ts'], outfile: 'build/tab-icons.js', bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
process.exit(spawnSync(process.execPath, ['build/tab-icons.js'], { stdio: 'inherit' }).status ?? 1);
