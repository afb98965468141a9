import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CloudbaseFiles } from '../cloudfunctions/src/adapters/cloudbase/cloudbase-files';
import { CloudbaseStore } from '../cloudfunctions/src/adapters/cloudbase/cloudbase-store';
import { CONSENT_FORM_V1 } from '../cloudfunctions/src/catalogue/form-templates';
import { FUNCTIONS } from '../cloudfunctions/src/deploy/functions';
import type { SignedFormJob } from '../cloudfunctions/src/ports/pdf';
import { STANDIN_ENV, initWxServerSdk, startCloudbaseStandin } from '../test/support/cloudbase-standin';
import { signaturePng } from '../test/support/images';

// Cold start as CloudBase pays it (issue 14): a fresh process loads a built function and serves its first real
// call through wx-server-sdk against the CloudBase stand-in. The floor is a fresh process that loads wx-server-sdk
// and makes one database read through the same stand-in. Runs alternate (floor first, then the function first) so
// drift on a shared machine falls on both; each pair gives one ratio, and the median of the pairs is the figure.
// Each function runs twice per pair: as deployed (its index.js hands V8 the code cache the build made) and with the
// cache turned off (RVI_CODE_CACHE=off), which is what a CloudBase runtime on another Node.js than the build's pays.

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..');
const PAIRS = Number(process.env.COLD_START_PAIRS ?? 9);

/**
 * What each child prints: time from its first line to the answer, the processor time it spent meanwhile (which
 * others' load on a shared machine disturbs far less than the elapsed time), and its memory then.
 */
const timed = (body: string): string =>
  `const t=process.hrtime.bigint(),c=process.cpuUsage();(async()=>{${body}})().then(()=>{const u=process.cpuUsage(c);console.log(JSON.stringify({ms:Number(process.hrtime.bigint()-t)/1e6,cpuMs:(u.user+u.system)/1e3,rssMB:process.memoryUsage().rss/2**20,codeCache:globalThis.codeCache}))},e=>{console.error(e);process.exit(1)})`;

const FLOOR = timed(
  `const cloud=require('wx-server-sdk');cloud.init({env:cloud.DYNAMIC_CURRENT_ENV});` +
    `await cloud.database().collection('users').where({_id:'bench-user'}).get();`,
);
const functionCall = (name: string, event: unknown, expectation: string): string =>
  timed(`const f=require(${JSON.stringify(join(ROOT, 'cloudfunctions', name, 'index.js'))});globalThis.codeCache=f.codeCache;const r=await f.main(${JSON.stringify(event)},{});if(!(${expectation}))throw new Error('first call failed: '+JSON.stringify(r));`);

interface Sample {
  ms: number;
  cpuMs: number;
  rssMB: number;
  /** How the function's index.js loaded its bundle: with the build's code cache ('used'), or not. */
  codeCache?: string;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 1): number => +x.toFixed(digits);

export async function benchColdStart(): Promise<Record<string, unknown>> {
  const standin = await startCloudbaseStandin();
  const cloud = initWxServerSdk(standin);
  const store = new CloudbaseStore(cloud);
  const files = new CloudbaseFiles(cloud);
  const env = (openid?: string, codeCache = true): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    ...(codeCache ? {} : { RVI_CODE_CACHE: 'off' }),
    TZ: 'UTC',
    TENCENTCLOUD_RUNENV: 'SCF', SCF_NAMESPACE: STANDIN_ENV, TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'standin-secret-id', TENCENTCLOUD_SECRETKEY: 'standin-secret-key',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: standin.url }), TCB_ENV: STANDIN_ENV,
    // The caller, as the platform passes it to the function's process.
    ...(openid ? { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: openid, WX_APPID: 'wx-bench' } : {}),
  });
  const child = async (script: string, openid?: string, codeCache = true): Promise<Sample> => {
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: ROOT, env: env(openid, codeCache), maxBuffer: 1 << 24 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Sample;
  };

  let signatureFileId = '';
  const seedPdfJob = async (n: number): Promise<string> => {
    const jobId = n.toString(16).padStart(32, '0');
    const job: SignedFormJob = {
      kind: 'signedForm', caseId: 'bench', pathPrefix: `cases/bench/forms/consent-v1-applicant-${n}`, template: CONSENT_FORM_V1, copy: 'applicant',
      values: {
        officeName: '示范区行政审批局', district: '示范区', companyName: '青禾餐饮有限公司', creditCode: '91310000MA1K000001',
        applicantName: '王小明', matterName: '食品经营许可', premisesAddress: '示范路1号', caseNumber: 'TK-2026-0001',
      },
      signedAt: '2026-11-02T02:00:00.000Z', signatureFileId,
    };
    // Created now, as the api creates a job just before calling: a job dated in the past is an orphan to the pdf
    // function's sweep, which would delete the file it had just rendered and count five requests no real call makes.
    await store.insert('pdfJobs', jobId, { job, createdAt: new Date().toISOString() });
    return jobId;
  };
  const reset = async (): Promise<void> => {
    standin.reset();
    await store.insert('users', 'bench-user', { name: '王小明', roles: [], createdAt: '2026-11-01T00:00:00.000Z' });
    signatureFileId = (await files.put('uploads/bench-user/signature.png', Buffer.from(signaturePng()))).fileId;
  };

  // Each timer is called with its own trigger's event, as configured (a timer refuses any other caller).
  const timerEvent = (name: string) => ({ Type: 'Timer', TriggerName: FUNCTIONS.find((f) => f.name === name)!.triggers[0]!.name, Time: '2026-12-01T02:00:00+08:00' });
  const subjects: { name: string; openid?: string; script: (n: number) => Promise<string> }[] = [
    { name: 'api', openid: 'bench-user', script: async () => functionCall('api', { action: 'whoami', payload: {} }, `r.ok&&r.data.openid==='bench-user'`) },
    { name: 'pdf', script: async (n) => functionCall('pdf', { jobId: await seedPdfJob(n) }, `r.ok&&r.document.size>0`) },
    { name: 'monthly-draw', script: async () => functionCall('monthly-draw', timerEvent('monthly-draw'), `r.ok`) },
    { name: 'reminders', script: async () => functionCall('reminders', timerEvent('reminders'), `r.ok`) },
  ];
  const results: Record<string, unknown> = { pairs: PAIRS };
  // COLD_START_ONLY=api (comma-separated) measures only those functions, for trying a change quickly.
  const only = process.env.COLD_START_ONLY?.split(',');
  for (const subject of subjects.filter((s) => !only || only.includes(s.name))) {
    const floors: Sample[] = [];
    let requests: string[] = [];
    const calls: Sample[] = [];
    const uncached: Sample[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const floorRun = async () => { await reset(); floors.push(await child(FLOOR, subject.openid)); };
      const callRun = async () => {
        await reset();
        const script = await subject.script(i);
        const before = standin.requests.length;
        calls.push(await child(script, subject.openid));
        requests = standin.requests.slice(before).map((r) => r.action);
        await reset();
        uncached.push(await child(await subject.script(PAIRS + i), subject.openid, false));
      };
      if (i % 2 === 0) { await floorRun(); await callRun(); } else { await callRun(); await floorRun(); }
    }
    // A cache the runtime rejected would make the two figures one: say so rather than print them as different.
    const cacheStates = [...new Set(calls.map((c) => c.codeCache))];
    if (cacheStates.join() !== 'used' || uncached.some((c) => c.codeCache !== 'absent')) throw new Error(`${subject.name}: code cache ${cacheStates.join()} (expected used; run npm run build with this Node.js)`);
    if (standin.unsupported.length) throw new Error(`the stand-in refused: ${standin.unsupported.join('; ')}`);
    const ratios = calls.map((c, i) => c.ms / floors[i]!.ms);
    results[subject.name] = {
      floorMedianMs: round(median(floors.map((s) => s.ms))),
      firstCallMedianMs: round(median(calls.map((s) => s.ms))),
      ratioMedian: round(median(ratios), 3),
      ratioMin: round(Math.min(...ratios), 3),
      ratioMax: round(Math.max(...ratios), 3),
      // The same ratio in processor time: what the function costs over the floor with the machine's load left out.
      cpuRatioMedian: round(median(calls.map((c, i) => c.cpuMs / floors[i]!.cpuMs)), 3),
      withoutCodeCache: {
        firstCallMedianMs: round(median(uncached.map((s) => s.ms))),
        ratioMedian: round(median(uncached.map((c, i) => c.ms / floors[i]!.ms)), 3),
        cpuRatioMedian: round(median(uncached.map((c, i) => c.cpuMs / floors[i]!.cpuMs)), 3),
      },
      cloudRequests: requests.length,
      ...(process.env.COLD_START_REQUESTS ? { requests } : {}),
      extraRssMB: round(median(calls.map((s) => s.rssMB)) - median(floors.map((s) => s.rssMB))),
    };
  }
  await standin.close();
  return results;
}
