// npm run bench: cold start, query latency at 100,000 cases, large-file hashing memory, Mini Program package size.
// Prints each number and writes them all to bench/results.json. Targets are printed beside the measurements.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const node = (args, env = {}) => execFileSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 24 });
const lastJson = (out) => JSON.parse(out.trim().split('\n').at(-1));

await build({ entryPoints: ['bench/run.ts'], outfile: 'build/bench.js', bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });

// Cold start as CloudBase pays it: each built function's first real call through wx-server-sdk against the
// CloudBase stand-in, against a floor of wx-server-sdk making one read (bench/cold-start.bench.ts).
const coldStart = lastJson(node(['build/bench.js', 'cold']));

const queries = lastJson(node(['build/bench.js', 'queries']));
const hash = lastJson(node(['--expose-gc', 'build/bench.js', 'hash']));
const draw = lastJson(node(['--expose-gc', 'build/bench.js', 'draw']));

// Main package: everything under miniprogram/ except the subpackage roots (source size; DevTools compiles .ts to .js).
const SUBPACKAGES = new Set(['package-staff', 'package-supervise']);
const sizeOf = (dir, skip = new Set()) =>
  readdirSync(dir).filter((n) => !skip.has(n)).reduce((sum, n) => {
    const p = join(dir, n);
    return sum + (statSync(p).isDirectory() ? sizeOf(p) : statSync(p).size);
  }, 0);
const packageSize = { mainPackageKB: +(sizeOf('miniprogram', SUBPACKAGES) / 1024).toFixed(1), wholeMiniProgramKB: +(sizeOf('miniprogram') / 1024).toFixed(1) };
const apiBundleKB = +(statSync('cloudfunctions/api/index.js').size / 1024).toFixed(1);

const functionFolderKB = Object.fromEntries(['api', 'pdf', 'monthly-draw', 'reminders'].map((name) => [name, +(sizeOf(join('cloudfunctions', name), new Set(['node_modules'])) / 1024).toFixed(1)]));
const results = { measuredAt: new Date().toISOString(), node: process.version, coldStart, queries, hashLargeFile: hash, monthlyDraw: draw, packageSize, apiBundleKB, functionFolderKB };
const coldTargets = ['api', 'pdf', 'monthly-draw', 'reminders'].map((name) => {
  const c = coldStart[name];
  return [`cold start ${name} ÷ wx-server-sdk floor, median of ${coldStart.pairs} pairs (min ${c.ratioMin}, max ${c.ratioMax}; ${c.firstCallMedianMs} vs ${c.floorMedianMs} ms) (target ≤ 1.1)`, c.ratioMedian, c.ratioMedian <= 1.1];
});
const targets = [
  ['api bundle KB (target ≤ 400)', apiBundleKB, apiBundleKB <= 400],
  ['api folder KB (target ≤ 1024)', functionFolderKB.api, functionFolderKB.api <= 1024],
  ...coldTargets,
  ['officer queue p95 ms at 100k cases (target ≤ 10)', queries.officerQueueP95Ms, queries.officerQueueP95Ms <= 10],
  ['applicant list p95 ms at 100k cases (target ≤ 10)', queries.applicantListP95Ms, queries.applicantListP95Ms <= 10],
  ['main package KB (target ≤ 400)', packageSize.mainPackageKB, packageSize.mainPackageKB <= 400],
];
console.log(JSON.stringify(results, null, 2));
for (const [what, value, met] of targets) console.log(`${met ? 'ok  ' : 'MISS'} ${what}: ${value}`);
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log('written: bench/results.json');
