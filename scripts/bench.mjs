// npm run bench: cold start, query latency at 100,000 cases, large-file hashing memory, Mini Program package size.
// Prints each number and writes them all to bench/results.json. Targets are printed beside the measurements.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchUploadMemory } from '../bench/upload-memory.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node = (args, env = {}) => execFileSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 24 });
const lastJson = (out) => JSON.parse(out.trim().split('\n').at(-1));

await build({ entryPoints: ['bench/run.ts'], outfile: 'build/bench.js', bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });

// Cold start: a fresh process each time; require + first call of the built api function, local adapters.
const RUNS = 7;
const floorScript = `const t=process.hrtime.bigint();require('wx-server-sdk');console.log(JSON.stringify({ms:Number(process.hrtime.bigint()-t)/1e6}))`;
const apiScript = `const t=process.hrtime.bigint();const {main}=require('./cloudfunctions/api/index.js');main({action:'whoami',payload:{}},{localOpenid:'bench'}).then(r=>{if(!r.ok)throw new Error('call failed');console.log(JSON.stringify({ms:Number(process.hrtime.bigint()-t)/1e6}))})`;
// In the cloud the function also loads wx-server-sdk; its first call needs the network, so only the loading is timed.
const cloudScript = `const t=process.hrtime.bigint();require('./cloudfunctions/api/index.js');require('wx-server-sdk');console.log(JSON.stringify({ms:Number(process.hrtime.bigint()-t)/1e6}))`;
const floor = [], api = [], cloud = [];
for (let i = 0; i < RUNS; i++) {
  floor.push(lastJson(node(['-e', floorScript])).ms);
  api.push(lastJson(node(['-e', apiScript], { RVI_LOCAL: '1', RVI_DATA_DIR: mkdtempSync(join(tmpdir(), 'rvi-cold-')) })).ms);
  cloud.push(lastJson(node(['-e', cloudScript])).ms);
}
const coldStart = {
  requireWxServerSdkMs: +median(floor).toFixed(1),
  apiRequireAndFirstCallMs: +median(api).toFixed(1),
  cloudModeRequireMs: +median(cloud).toFixed(1),
};
coldStart.ratio = +(coldStart.apiRequireAndFirstCallMs / coldStart.requireWxServerSdkMs).toFixed(3);
coldStart.cloudModeRatio = +(coldStart.cloudModeRequireMs / coldStart.requireWxServerSdkMs).toFixed(3);

const queries = lastJson(node(['build/bench.js', 'queries']));
const hash = lastJson(node(['--expose-gc', 'build/bench.js', 'hash']));
const draw = lastJson(node(['--expose-gc', 'build/bench.js', 'draw']));
// A 500 MB upload through the local runtime: the rise of its resident memory while the file streams to disk.
const uploadMemory = await benchUploadMemory(500);

// Main package: everything under miniprogram/ except the subpackage roots (source size; DevTools compiles .ts to .js).
const SUBPACKAGES = new Set(['package-staff', 'package-supervise']);
const sizeOf = (dir, skip = new Set()) =>
  readdirSync(dir).filter((n) => !skip.has(n)).reduce((sum, n) => {
    const p = join(dir, n);
    return sum + (statSync(p).isDirectory() ? sizeOf(p) : statSync(p).size);
  }, 0);
const packageSize = { mainPackageKB: +(sizeOf('miniprogram', SUBPACKAGES) / 1024).toFixed(1), wholeMiniProgramKB: +(sizeOf('miniprogram') / 1024).toFixed(1) };
const apiBundleKB = +(statSync('cloudfunctions/api/index.js').size / 1024).toFixed(1);

const results = { measuredAt: new Date().toISOString(), node: process.version, coldStart, queries, hashLargeFile: hash, monthlyDraw: draw, uploadMemory, packageSize, apiBundleKB };
const targets = [
  ['cold start ratio (target ≤ 1.3)', coldStart.ratio, coldStart.ratio <= 1.3],
  ['officer queue p95 ms at 100k cases (target ≤ 10)', queries.officerQueueP95Ms, queries.officerQueueP95Ms <= 10],
  ['applicant list p95 ms at 100k cases (target ≤ 10)', queries.applicantListP95Ms, queries.applicantListP95Ms <= 10],
  ['500 MB upload: runtime memory rise MB (target ≤ 64)', uploadMemory.riseMB, uploadMemory.riseMB <= 64],
  ['main package KB (target ≤ 400)', packageSize.mainPackageKB, packageSize.mainPackageKB <= 400],
];
console.log(JSON.stringify(results, null, 2));
for (const [what, value, met] of targets) console.log(`${met ? 'ok  ' : 'MISS'} ${what}: ${value}`);
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log('written: bench/results.json');
