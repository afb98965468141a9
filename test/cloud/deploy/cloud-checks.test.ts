import { COLLECTIONS } from '../../../cloudfunctions/src/collections';
import { CHECK_COLLECTION, type CheckedCloud, runPlatformChecks } from '../../../cloudfunctions/src/deploy/cloud-checks';
import { type CloudbaseStandin, initWxServerSdk, startCloudbaseStandin } from '../../support/cloudbase-standin';

// npm run cloud-check's platform checks, run through the real server SDK against the stand-in: on the stricter
// reading of the docs the stand-in takes, they must report the cap of 100, the refused duplicate, the missing file
// and the expiring link as they are.

let standin: CloudbaseStandin;
let cloud: CheckedCloud;
beforeAll(async () => {
  standin = await startCloudbaseStandin({ collections: [...Object.keys(COLLECTIONS), CHECK_COLLECTION] });
  cloud = initWxServerSdk(standin) as unknown as CheckedCloud;
});
afterAll(() => standin.close());

test('each check reports what the platform does', async () => {
  const waited: number[] = [];
  const findings = await runPlatformChecks(cloud, async (ms) => {
    waited.push(ms);
    standin.advanceClock(ms);
  });
  expect(standin.unsupported).toEqual([]);
  expect(findings).toEqual([
    { check: 'per-query cap', verdict: 'attention', seen: expect.stringContaining('answered 100: the cap is 100') },
    { check: 'duplicate _id', verdict: 'ok', seen: expect.stringContaining('refused with errCode -502001') },
    { check: 'stat of a missing file', verdict: 'ok', seen: expect.stringContaining('-503003') },
    { check: 'temporary link lifetime', verdict: 'ok', seen: expect.stringMatching(/answered HTTP 200 at once and HTTP 403 75 s later/) },
  ]);
  expect(waited).toEqual([75_000]);
  // The host to whitelist for wx.downloadFile is named.
  expect(findings[3]!.seen).toMatch(/download domain for the whitelist: http:\/\/127\.0\.0\.1:\d+\)/);
});

test('a check that cannot run is reported as failed, and the others still run', async () => {
  const broken = { ...cloud, uploadFile: () => Promise.reject(new Error('no storage')), database: cloud.database.bind(cloud) } as CheckedCloud;
  const findings = await runPlatformChecks(broken, async () => undefined);
  expect(findings.map((f) => [f.check, f.verdict])).toEqual([
    ['per-query cap', 'attention'], ['duplicate _id', 'ok'], ['stat of a missing file', 'fail'], ['temporary link lifetime', 'fail'],
  ]);
  expect(findings[2]!.seen).toContain('no storage');
});
