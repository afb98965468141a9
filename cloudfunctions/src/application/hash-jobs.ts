import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createSHA256, type IHasher } from 'hash-wasm';
import type { PendingEvidenceView } from '../../../typings/models';
import type { ActionContext, Deps } from '../api/context';
import type { CaptureLocation, EvidenceKind, EvidenceSource } from '../domain/evidence-chain';
import type { Stored } from '../ports/store';
import type { StoredCase } from './cases';
import { clientHashMatches } from './client-hash';
import { chainedRecordOf, chainFile, type EvidenceNotes, type FileRecord, KIND_LABELS } from './evidence';

// Evidence files are hashed outside the request that adds them: a function may run 60 s at most, and a 1 GB
// recording takes longer to read. The SHA-256 runs in steps of HASH_STEP_BYTES over ranged reads; after each step
// the hasher's state (hash-wasm's save()) and the offset are stored with compare-and-set, so a step killed by the
// platform loses only itself and the next driver resumes where the last saved step ended. The request that adds the
// file runs the first steps (a small file is done before it answers); the `reminders` timer drives the rest.
// Until the hash is done the file shows as 校验中 and is not in the chain: its hash is part of the chained record.

/** Bytes hashed per step: a step reads and hashes this much, well inside 10 s (test/cloud/inspection/hash-steps.test.ts prints the slowest). */
export const HASH_STEP_BYTES = 64 * 1024 * 1024;
/** How long a driver holds a job: longer than a function may run, so a live driver is never overtaken. */
export const HASH_JOB_LEASE_MS = 75_000;
/** Time the request that adds a file spends hashing before it answers (the function's limit is 60 s). */
export const REQUEST_HASH_BUDGET_MS = 20_000;
/** Time a timer run spends on hashing jobs. */
export const TIMER_HASH_BUDGET_MS = 40_000;

export interface HashJob {
  caseId: string;
  fileId: string;
  size: number;
  /** Bytes hashed so far. */
  offset: number;
  /** hash-wasm's saved SHA-256 state after `offset` bytes (base64), null before the first step. */
  hasherState: string | null;
  status: 'hashing' | 'chained' | 'failed';
  leaseUntil: string | null;
  input: { kind: EvidenceKind; source: EvidenceSource; capturedAt: string | null; location: CaptureLocation | null };
  notes: EvidenceNotes;
  action: string;
  uploadedBy: string;
  requestedAt: string;
  evidenceSeq?: number;
  failure?: string;
}

export type HashOutcome = { status: 'chained'; record: FileRecord } | { status: 'hashing' | 'busy' | 'failed'; job: Stored<HashJob> };

export const hashJobId = (fileId: string): string => createHash('sha256').update(fileId).digest('hex');

/**
 * Starts hashing a stored file for the case's chain (or finds the job a first attempt started), then works on it
 * for up to `budgetMs`. A file already chained is answered with its record.
 */
export async function hashAndChain(
  ctx: ActionContext, c: StoredCase, input: HashJob['input'] & { fileId: string }, notes: EvidenceNotes, action: string,
  budgetMs = REQUEST_HASH_BUDGET_MS,
): Promise<HashOutcome> {
  const chained = await chainedRecordOf(ctx, c, input.fileId);
  if (chained) return { status: 'chained', record: chained };
  const info = await ctx.files.stat(input.fileId);
  if (!info) throw new Error(`missing file: ${input.fileId}`);
  const { fileId, ...rest } = input;
  const job: HashJob = {
    caseId: c._id, fileId, size: info.size, offset: 0, hasherState: null, status: 'hashing', leaseUntil: null,
    input: rest, notes, action, uploadedBy: ctx.caller.openid, requestedAt: ctx.now.toISOString(),
  };
  await ctx.store.insert('hashJobs', hashJobId(fileId), job);
  return advanceHashJob(ctx, hashJobId(fileId), budgetMs);
}

const leaseFrom = (deps: Deps): string => new Date(deps.clock.now().getTime() + HASH_JOB_LEASE_MS).toISOString();

/** Where a resumable hash stands: bytes hashed so far and hash-wasm's saved SHA-256 state (base64), null before. */
export interface HashProgress {
  offset: number;
  hasherState: string | null;
}

async function resumedHasher(progress: HashProgress): Promise<{ hasher: IHasher; offset: number }> {
  const hasher = await createSHA256();
  if (!progress.hasherState) return { hasher: hasher.init(), offset: 0 };
  try {
    return { hasher: hasher.load(Buffer.from(progress.hasherState, 'base64')), offset: progress.offset };
  } catch {
    // A state saved by another build of hash-wasm cannot be loaded: start the file again.
    return { hasher: hasher.init(), offset: 0 };
  }
}

/**
 * Hashes a stored file of `size` bytes onward from `progress`, HASH_STEP_BYTES a step, for up to `budgetMs` (at least
 * one step), handing each step's progress to `persist` (false: another driver took over, stop). Answers the hex
 * SHA-256 when the last byte is hashed, 'stopped' when `persist` refused, or the progress when the budget ran out.
 */
export async function hashInSteps(
  files: Deps['files'], fileId: string, size: number, progress: HashProgress, budgetMs: number,
  persist: (progress: HashProgress) => Promise<boolean>,
): Promise<{ sha256: string } | { stopped: true } | { progress: HashProgress }> {
  const started = performance.now();
  const resumed = await resumedHasher(progress);
  const { hasher } = resumed;
  let offset = resumed.offset;
  while (offset < size) {
    if (offset > resumed.offset && performance.now() - started >= budgetMs) {
      return { progress: { offset, hasherState: Buffer.from(hasher.save()).toString('base64') } };
    }
    const end = Math.min(offset + HASH_STEP_BYTES, size);
    let read = 0;
    for await (const chunk of await files.read(fileId, { start: offset, end })) {
      hasher.update(chunk as Uint8Array);
      read += (chunk as Uint8Array).byteLength;
    }
    if (read !== end - offset) throw new Error(`read ${read} bytes of ${fileId} at ${offset}, not ${end - offset}`);
    offset = end;
    if (!(await persist({ offset, hasherState: Buffer.from(hasher.save()).toString('base64') }))) return { stopped: true };
  }
  return { sha256: hasher.digest('hex') };
}

/**
 * Works on one job for up to `budgetMs` (at least one step): takes its lease, hashes step after step, saving state
 * after each, and chains the file when the last byte is hashed. 'busy' when another driver holds the job.
 */
export async function advanceHashJob(deps: Deps, id: string, budgetMs: number): Promise<HashOutcome> {
  const found = await deps.store.get<HashJob>('hashJobs', id);
  if (!found) throw new Error(`no hash job ${id}`);
  if (found.status === 'chained') return { status: 'chained', record: (await chainedRecordByFile(deps, found))! };
  if (found.status === 'failed') return { status: 'failed', job: found };
  const now = deps.clock.now().toISOString();
  if (found.leaseUntil && found.leaseUntil > now) return { status: 'busy', job: found };
  const { _id, _version, ...body } = found;
  let job: HashJob = { ...body, leaseUntil: leaseFrom(deps) };
  let version = await deps.store.replace('hashJobs', id, _version, job);
  if (version === null) return { status: 'busy', job: found };

  const save = async (next: HashJob): Promise<boolean> => {
    const saved = await deps.store.replace('hashJobs', id, version!, next);
    if (saved === null) return false;
    version = saved;
    job = next;
    return true;
  };
  const info = await deps.files.stat(job.fileId);
  if (!info || info.size !== job.size) {
    await save({ ...job, status: 'failed', leaseUntil: null, failure: info ? '文件在校验期间被改动' : '文件已不存在' });
    return { status: 'failed', job: { ...job, _id, _version: version } };
  }
  const hashed = await hashInSteps(deps.files, job.fileId, job.size, job, budgetMs, (progress) => save({ ...job, ...progress, leaseUntil: leaseFrom(deps) }));
  if ('stopped' in hashed) return { status: 'busy', job: { ...job, _id, _version: version! } };
  if ('progress' in hashed) {
    // Let the next driver (the timer) take over at once.
    await save({ ...job, ...hashed.progress, leaseUntil: null });
    return { status: 'hashing', job: { ...job, _id, _version: version! } };
  }
  const { sha256 } = hashed;
  if (!clientHashMatches(job.notes.clientSha256, sha256)) {
    await save({ ...job, status: 'failed', leaseUntil: null, hasherState: null, failure: '文件在上传途中发生了变化（手机上的校验值与云端不一致），未加入证据，请重新上传' });
    return { status: 'failed', job: { ...job, _id, _version: version! } };
  }
  const ctx = uploaderContext(deps, job);
  const c = await deps.store.get<StoredCase>('cases', job.caseId) as StoredCase | null;
  if (!c) throw new Error(`hash job ${id}: case ${job.caseId} is gone`);
  const record = await chainFile(ctx, c, { ...job.input, fileId: job.fileId, capturedAt: job.input.capturedAt ? new Date(job.input.capturedAt) : null }, job.notes, job.action, { sha256, size: job.size });
  await save({ ...job, status: 'chained', leaseUntil: null, hasherState: null, evidenceSeq: record.seq });
  return { status: 'chained', record };
}

/** The file joins the chain in the name of who added it, at the time its hash is done. */
function uploaderContext(deps: Deps, job: HashJob): ActionContext {
  return { ...deps, caller: { openid: job.uploadedBy, name: job.notes.uploaderName, roles: new Set() }, now: deps.clock.now(), callableActions: () => [] };
}

async function chainedRecordByFile(deps: Deps, job: HashJob): Promise<Stored<FileRecord> | null> {
  const [record] = await deps.store.find<FileRecord>('evidence', { where: { fileId: job.fileId }, limit: 1 });
  return record ?? null;
}

export interface HashingReport {
  chained: number;
  stillHashing: number;
  failed: number;
}

/** The timer's share: works through the jobs still hashing, oldest first, for up to `budgetMs` in all. */
export async function advanceHashJobs(deps: Deps, budgetMs = TIMER_HASH_BUDGET_MS): Promise<HashingReport> {
  const report: HashingReport = { chained: 0, stillHashing: 0, failed: 0 };
  const started = performance.now();
  const jobs = await deps.store.find<HashJob>('hashJobs', { where: { status: 'hashing' }, orderBy: [['requestedAt', 'asc'], ['_id', 'asc']], limit: 100 });
  for (const [i, job] of jobs.entries()) {
    // The first job always gets a step, however slow the query before it was: every run makes progress.
    const left = i === 0 ? Math.max(budgetMs - (performance.now() - started), 1) : budgetMs - (performance.now() - started);
    if (left <= 0) {
      report.stillHashing += 1;
      continue;
    }
    let outcome: HashOutcome;
    try {
      outcome = await advanceHashJob(deps, job._id, left);
    } catch (e) {
      // A read that broke off: the job keeps its last saved step and its lease runs out for the next run.
      console.error('hash job: step failed', (e as Error)?.message);
      report.stillHashing += 1;
      continue;
    }
    if (outcome.status === 'chained') report.chained += 1;
    else if (outcome.status === 'failed') report.failed += 1;
    else report.stillHashing += 1;
  }
  return report;
}

export function pendingEvidenceView(job: Stored<HashJob>): PendingEvidenceView {
  return {
    verifying: true,
    key: job._id.slice(0, 16),
    kind: job.input.kind,
    kindLabel: KIND_LABELS[job.input.kind],
    ...(job.notes.fileName ? { fileName: job.notes.fileName } : {}),
    size: job.size,
    statusLabel: job.status === 'failed' ? '校验失败' : '校验中',
    progress: job.size ? Math.floor((job.offset / job.size) * 100) : 0,
    uploadedByName: job.notes.uploaderName,
    uploadedAt: job.requestedAt,
  };
}

/** The case's files still on their way into the chain (or that failed to get there). */
export async function pendingEvidenceOf(deps: Deps, caseId: string): Promise<PendingEvidenceView[]> {
  const jobs = await deps.store.find<HashJob>('hashJobs', { where: { caseId, status: { op: 'in', value: ['hashing', 'failed'] } }, limit: 100 });
  return jobs.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)).map(pendingEvidenceView);
}
