import { writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { advanceEvidenceChecks } from '../../../cloudfunctions/src/application/evidence-checks';
import { HASH_JOB_LEASE_MS } from '../../../cloudfunctions/src/application/hash-jobs';
import type { Files } from '../../../cloudfunctions/src/ports/files';
import { type Harness, makeHarness } from '../../support/harness';
import { greyJpeg } from '../../support/images';
import { AT_PREMISES, addLivePhoto, addScreenshot, startedCase, verified } from '../../support/inspection';
import { storeWith } from '../../support/store-with';

jest.setTimeout(60_000);

// A verification run over small files, interrupted and resumed the ways a real one is: the platform stops the
// request mid-run, evidence is added while it runs, another call takes the run over, the timer's budget runs out,
// a file cannot be read. Each time the supervisor reads 校验中 with honest progress, or the result of the chain as
// it now stands.

let h: Harness;
afterEach(() => h.close());

type Answer = { ok: true; data: { verifying?: true; progress?: number; ok?: boolean; records?: number; problems?: { code: string }[] } } | { ok: false; code: string };
const verify = (caseId: string) => h.call('supervisor', 'verifyEvidence', { caseId }) as Promise<Answer>;
/** The verification's result, when it finishes within the request. */
const result = async (caseId: string) => verified(await h.ok('supervisor', 'verifyEvidence', { caseId }));

/** The harness's files with their reads answered by `read`. */
const withRead = (files: Files, read: Files['read']): Files =>
  ({ put: files.put.bind(files), copy: files.copy.bind(files), stat: files.stat.bind(files), downloadUrl: files.downloadUrl.bind(files), read });

/** Reads of `fileId` fail (the platform stopping the function) while `broken.on`. */
const breaking = (files: Files, fileId: string, broken: { on: boolean }): Files => withRead(files, async (id, range) => {
  if (id === fileId && broken.on) return Readable.from((async function* () { throw new Error('the platform stopped the function'); })());
  return files.read(id, range);
});

/** Each read answered `ms` later: a slow storage link. */
const slowed = (files: Files, ms: number): Files => withRead(files, async (id, range) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return files.read(id, range);
});

/** A case with three pieces of evidence, and a verification run stopped by the platform while reading the second file. */
async function runStoppedAtSecondFile() {
  h = await makeHarness();
  const { caseId } = await startedCase(h, AT_PREMISES);
  const evidence = [await addLivePhoto(h, caseId, 'applicant', 110), await addScreenshot(h, caseId), await addLivePhoto(h, caseId, 'applicant', 130)];
  const broken = { on: true };
  const files = h.deps.files;
  h.deps.files = breaking(files, evidence[1]!.fileId, broken) as typeof h.deps.files;
  expect(await verify(caseId)).toMatchObject({ ok: false, code: 'INTERNAL' });
  broken.on = false;
  return { caseId, evidence, files, broken };
}

describe('a verification run interrupted and resumed', () => {
  it('asked again while the stopped call still holds the run: 校验中, with the bytes of the file already hashed', async () => {
    const { caseId, evidence } = await runStoppedAtSecondFile();
    const total = evidence.reduce((n, e) => n + e.size, 0);
    expect(await verify(caseId)).toEqual({ ok: true, data: expect.objectContaining({ verifying: true, statusLabel: '校验中', progress: Math.floor((evidence[0]!.size / total) * 100) }) });
    expect(Math.floor((evidence[0]!.size / total) * 100)).toBeGreaterThan(0);
    // Once the stopped call's hold has lapsed, asking again finishes the run.
    h.clock.advance(HASH_JOB_LEASE_MS);
    expect(await verify(caseId)).toMatchObject({ ok: true, data: { ok: true, records: 3, problems: [] } });
  });

  it('evidence added while the run was stopped is hashed by one more pass, and the result covers it', async () => {
    const { caseId } = await runStoppedAtSecondFile();
    await addScreenshot(h, caseId, 'later.jpg', 90);
    h.clock.advance(HASH_JOB_LEASE_MS);
    // The files the run began with are hashed; the one chained since makes it go round once more.
    expect(await verify(caseId)).toMatchObject({ ok: true, data: { verifying: true } });
    expect(await verify(caseId)).toMatchObject({ ok: true, data: { ok: true, records: 4, problems: [] } });
  });

  it('a run another call takes over mid-way answers 校验中 to the call that lost it, which stops reading; the taker finishes it', async () => {
    const { caseId, evidence, files } = await runStoppedAtSecondFile();
    h.clock.advance(HASH_JOB_LEASE_MS);
    const read: string[] = [];
    h.deps.files = withRead(files, (id, range) => { read.push(id); return files.read(id, range); }) as typeof h.deps.files;
    const store = h.deps.store;
    let writes = 0;
    // After this call has taken the run, another call (its hold lapsed too) takes it before the first file is saved.
    h.deps.store = storeWith(store, {
      replace: async (collection, id, version, doc) => {
        if (collection === 'evidenceChecks' && ++writes === 2) {
          const { _id, _version, ...rest } = (await store.get<Record<string, unknown>>(collection, id))!;
          await store.replace(collection, id, _version, rest);
        }
        return store.replace(collection, id, version, doc);
      },
    });
    expect(await verify(caseId)).toMatchObject({ ok: true, data: { verifying: true, statusLabel: '校验中' } });
    expect(writes).toBeGreaterThanOrEqual(2);
    // It hashed the second file, lost the run on saving it, and left the third to the taker.
    expect(read).toEqual([evidence[1]!.fileId]);
    h.deps.store = store;
    h.clock.advance(HASH_JOB_LEASE_MS);
    expect(await verify(caseId)).toMatchObject({ ok: true, data: { ok: true, records: 3, problems: [] } });
  });

  it('the timer hashes as many files as its budget allows: on a slow link, one a run', async () => {
    const { caseId, files } = await runStoppedAtSecondFile();
    h.clock.advance(HASH_JOB_LEASE_MS);
    h.deps.files = slowed(files, 20) as typeof h.deps.files;
    // Two files left, each read taking longer than the 5 ms budget: the first run hashes one and stops.
    expect(await advanceEvidenceChecks(h.deps, 5)).toBe(0);
    expect(await advanceEvidenceChecks(h.deps, 5)).toBe(1);
    expect((await result(caseId))).toMatchObject({ ok: true, records: 3 });
  });

  it('a run whose file cannot be read is logged by the timer, which goes on to the next case', async () => {
    const first = await runStoppedAtSecondFile();
    const { caseId: other } = await startedCase(h, AT_PREMISES);
    const shot = await addScreenshot(h, other, 'other.jpg', 60);
    const otherBroken = { on: true };
    h.deps.files = breaking(h.deps.files, shot.fileId, otherBroken) as typeof h.deps.files;
    expect(await verify(other)).toMatchObject({ ok: false, code: 'INTERNAL' });
    otherBroken.on = false;
    first.broken.on = true;
    h.clock.advance(HASH_JOB_LEASE_MS);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // The first case's run (the older) fails at its second file; the other case's is finished all the same.
      expect(await advanceEvidenceChecks(h.deps, 60_000)).toBe(1);
      expect(errors.mock.calls).toEqual([['evidence check: step failed', 'the platform stopped the function']]);
    } finally {
      errors.mockRestore();
    }
    expect((await result(other))).toMatchObject({ ok: true, records: 1 });
  });

  it('a result older than half a minute is not reused: asking again verifies afresh and finds a file changed since', async () => {
    h = await makeHarness();
    const { caseId } = await startedCase(h, AT_PREMISES);
    const photo = await addLivePhoto(h, caseId, 'applicant', 110);
    expect((await result(caseId))).toMatchObject({ ok: true, records: 1 });
    // The stored photo overwritten on the disk behind the product's back (an upload never writes over a file).
    writeFileSync(h.deps.files.pathOf(photo.fileId), greyJpeg(64, 48, 111));
    h.clock.advance(10_000);
    expect((await result(caseId))).toMatchObject({ ok: true });
    h.clock.advance(25_000);
    const again = (await result(caseId));
    expect(again.ok).toBe(false);
    expect(again.problems).toEqual([expect.objectContaining({ code: 'FILE_CHANGED', seq: 1, fileId: photo.fileId })]);
  });
});
