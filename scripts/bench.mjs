// npm run bench: cold start, query latency at 100,000 cases, large-file hashing memory, Mini Program package sizes,
// setData payloads, function folder sizes.
// Prints each number and writes them all to bench/results.json. Targets are printed beside the measurements.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchUploadMemory } from '../bench/upload-memory.mjs';

const node = (args, env = {}) => execFileSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 24 });
const lastJson = (out) => JSON.parse(out.trim().split('\n').at(-1));

await build({ entryPoints: ['bench/run.ts'], outfile: 'build/bench.js', bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });

// Cold start as CloudBase pays it: each built function's first real call through wx-server-sdk against the
// CloudBase stand-in, against a floor of wx-server-sdk making one read (bench/cold-start.bench.ts).
const coldStart = lastJson(node(['build/bench.js', 'cold']));

const queries = lastJson(node(['build/bench.js', 'queries']));
const hash = lastJson(node(['--expose-gc', 'build/bench.js', 'hash']));
const draw = lastJson(node(['--expose-gc', 'build/bench.js', 'draw']));
// A 500 MB upload through the local runtime: the rise of its resident memory while the file streams to disk.
const uploadMemory = await benchUploadMemory(500);

// The Mini Program's packages as DevTools uploads them (TypeScript compiled and minified, wxml, wxss, json, images).
const packageSize = lastJson(node(['build/bench.js', 'packages']));
const sizeOf = (dir, skip = new Set()) =>
  readdirSync(dir).filter((n) => !skip.has(n)).reduce((sum, n) => {
    const p = join(dir, n);
    return sum + (statSync(p).isDirectory() ? sizeOf(p) : statSync(p).size);
  }, 0);

// setData payloads: the page tests record every one (test/pages/support/load-page.ts); the largest per page.
const setDataLog = join(mkdtempSync(join(tmpdir(), 'rvi-setdata-')), 'setdata.jsonl');
execFileSync('npx', ['jest', '--selectProjects', 'pages', '--maxWorkers=1', '--silent'], { env: { ...process.env, TZ: 'UTC', RVI_SETDATA_LOG: setDataLog }, stdio: 'ignore' });
const largestSetData = {};
for (const line of readFileSync(setDataLog, 'utf8').split('\n').filter(Boolean)) {
  const { page, bytes } = JSON.parse(line);
  largestSetData[page] = Math.max(largestSetData[page] ?? 0, bytes);
}
const setDataKB = Object.fromEntries(Object.entries(largestSetData).sort(([a], [b]) => a.localeCompare(b)).map(([page, bytes]) => [page, +(bytes / 1024).toFixed(1)]));

const apiBundleKB = +(statSync('cloudfunctions/api/app.js').size / 1024).toFixed(1);

const functionFolderKB = Object.fromEntries(['api', 'pdf', 'monthly-draw', 'reminders'].map((name) => [name, +(sizeOf(join('cloudfunctions', name), new Set(['node_modules'])) / 1024).toFixed(1)]));
const results = { measuredAt: new Date().toISOString(), node: process.version, coldStart, queries, hashLargeFile: hash, monthlyDraw: draw, uploadMemory, packageSize, setDataKB, apiBundleKB, functionFolderKB };
const coldTargets = ['api', 'pdf', 'monthly-draw', 'reminders'].map((name) => {
  const c = coldStart[name];
  return [`cold start ${name} ÷ wx-server-sdk floor, median of ${coldStart.pairs} pairs (min ${c.ratioMin}, max ${c.ratioMax}; ${c.firstCallMedianMs} vs ${c.floorMedianMs} ms; processor time ${c.cpuRatioMedian}×; without the code cache ${c.withoutCodeCache.ratioMedian}×) (target ≤ 1.1)`, c.ratioMedian, c.ratioMedian <= 1.1];
});
const targets = [
  ['api bundle KB (target ≤ 400)', apiBundleKB, apiBundleKB <= 400],
  ['api folder KB (target ≤ 1024)', functionFolderKB.api, functionFolderKB.api <= 1024],
  ...coldTargets,
  ['officer queue p95 ms at 100k cases (target ≤ 10)', queries.officerQueueP95Ms, queries.officerQueueP95Ms <= 10],
  ['applicant list p95 ms at 100k cases (target ≤ 10)', queries.applicantListP95Ms, queries.applicantListP95Ms <= 10],
  ['500 MB upload: runtime memory rise MB (target ≤ 64)', uploadMemory.riseMB, uploadMemory.riseMB <= 64],
  ['main package KB as uploaded (target ≤ 300)', packageSize.mainKB, packageSize.mainKB <= 300],
  ...Object.entries(setDataKB).map(([page, kb]) => [`largest setData KB on ${page} (target ≤ 32)`, kb, kb <= 32]),
];
console.log(JSON.stringify(results, null, 2));
for (const [what, value, met] of targets) console.log(`${met ? 'ok  ' : 'MISS'} ${what}: ${value}`);
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log('written: bench/results.json');
