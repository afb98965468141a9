import type { EvidenceVerification, EvidenceVerificationPending } from '../../../typings/models';
import type { ActionContext, Deps } from '../api/context';
import type { ActualFileHash } from '../domain/evidence-chain';
import type { Stored } from '../ports/store';
import type { StoredCase } from './cases';
import { chainFileIds, loadChain, verificationOf } from './evidence';
import { HASH_JOB_LEASE_MS, type HashProgress, hashInSteps, REQUEST_HASH_BUDGET_MS, TIMER_HASH_BUDGET_MS } from './hash-jobs';

// Verifying a case's evidence recomputes every file's SHA-256 from storage, which for a 1 GB recording takes longer
// than a function may run. So it works as adding evidence does: one run per case (the `evidenceChecks` document),
// each file hashed in resumable steps (hashInSteps), driven by the verify request itself (the page asks again while
// the answer is 校验中) and by the `reminders` timer; when every file is hashed the chain is checked and the result
// kept, and the next verify starts a fresh run.

interface FileCheck extends HashProgress {
  fileId: string;
  /** null when the file was missing when the run started. */
  size: number | null;
  sha256: string | null;
}

export interface EvidenceCheck {
  caseId: string;
  startedAt: string;
  status: 'hashing' | 'done';
  leaseUntil: string | null;
  files: FileCheck[];
  result?: EvidenceVerification;
}

/** A run finished this recently answers a verify (the page polls every 3 s); an older one is run again. */
const RECENT_RESULT_MS = 30 * 1000;

const leaseFrom = (deps: Deps): string => new Date(deps.clock.now().getTime() + HASH_JOB_LEASE_MS).toISOString();

async function filesOf(deps: Deps, fileIds: string[]): Promise<FileCheck[]> {
  return Promise.all(fileIds.map(async (fileId) => {
    const info = await deps.files.stat(fileId).catch(() => null);
    return { fileId, size: info?.size ?? null, offset: 0, hasherState: null, sha256: null };
  }));
}

function pendingOf(check: EvidenceCheck): EvidenceVerificationPending {
  const total = check.files.reduce((n, f) => n + (f.size ?? 0), 0);
  const done = check.files.reduce((n, f) => n + (f.sha256 ? (f.size ?? 0) : f.offset), 0);
  return { verifying: true, caseId: check.caseId, statusLabel: '校验中', progress: total ? Math.floor((done / total) * 100) : 0, startedAt: check.startedAt };
}

/** The verify action: starts a run (unless one is under way) and works on it for up to `budgetMs`. */
export async function verifyCaseEvidence(
  ctx: ActionContext, c: StoredCase, budgetMs = REQUEST_HASH_BUDGET_MS,
): Promise<EvidenceVerification | EvidenceVerificationPending> {
  const current = await ctx.store.get<EvidenceCheck>('evidenceChecks', c._id);
  // A run the timer or another call finished moments ago answers the page that was waiting for it.
  if (current?.status === 'done' && Date.parse(current.result!.checkedAt) >= ctx.now.getTime() - RECENT_RESULT_MS) return current.result!;
  if (!current || current.status === 'done') {
    const fresh: EvidenceCheck = {
      caseId: c._id, startedAt: ctx.now.toISOString(), status: 'hashing', leaseUntil: null,
      files: await filesOf(ctx, chainFileIds(await loadChain(ctx, c._id))),
    };
    // Two verifies at once: one starts the run, the other works on it.
    if (!current) await ctx.store.insert('evidenceChecks', c._id, fresh);
    else await ctx.store.replace('evidenceChecks', c._id, current._version, fresh);
  }
  return advanceEvidenceCheck(ctx, c._id, budgetMs);
}

/** Works on a case's run for up to `budgetMs`: hashes files step by step, and checks the chain when all are hashed. */
export async function advanceEvidenceCheck(deps: Deps, caseId: string, budgetMs: number): Promise<EvidenceVerification | EvidenceVerificationPending> {
  const found = await deps.store.get<EvidenceCheck>('evidenceChecks', caseId);
  if (!found) throw new Error(`no evidence check of ${caseId}`);
  if (found.status === 'done') return found.result!;
  if (found.leaseUntil && found.leaseUntil > deps.clock.now().toISOString()) return pendingOf(found);
  const { _id, _version, ...body } = found;
  let check: EvidenceCheck = { ...body, leaseUntil: leaseFrom(deps) };
  let version = await deps.store.replace('evidenceChecks', caseId, _version, check);
  if (version === null) return pendingOf(found);
  const save = async (next: EvidenceCheck): Promise<boolean> => {
    const saved = await deps.store.replace('evidenceChecks', caseId, version!, next);
    if (saved === null) return false;
    version = saved;
    check = next;
    return true;
  };
  const withFile = (i: number, file: Partial<FileCheck>): EvidenceCheck => ({ ...check, files: check.files.map((f, j) => (j === i ? { ...f, ...file } : f)) });

  const started = Date.now();
  for (let i = 0; i < check.files.length; i++) {
    const file = check.files[i]!;
    if (file.sha256 !== null || file.size === null) continue;
    const left = budgetMs - (Date.now() - started);
    if (left <= 0 && i > 0) break;
    const hashed = await hashInSteps(deps.files, file.fileId, file.size, file, Math.max(left, 1), (progress) => save({ ...withFile(i, progress), leaseUntil: leaseFrom(deps) }));
    if ('stopped' in hashed) return pendingOf(check);
    if ('progress' in hashed) break;
    if (!(await save(withFile(i, { sha256: hashed.sha256, hasherState: null })))) return pendingOf(check);
  }
  if (check.files.some((f) => f.sha256 === null && f.size !== null)) {
    await save({ ...check, leaseUntil: null });
    return pendingOf(check);
  }
  // Every file of the run is hashed: the chain as it is now is checked (a file chained since the run began is
  // hashed first, by one more pass).
  const c = (await deps.store.get<StoredCase>('cases', caseId)) as StoredCase;
  const records = await loadChain({ ...deps } as ActionContext, caseId);
  const known = new Set(check.files.map((f) => f.fileId));
  const added = chainFileIds(records).filter((id) => !known.has(id));
  if (added.length) {
    await save({ ...check, files: [...check.files, ...(await filesOf(deps, added))], leaseUntil: null });
    return pendingOf(check);
  }
  const actual = new Map<string, ActualFileHash>(check.files.map((f) => [f.fileId, f.sha256 ?? 'missing']));
  const ctx: ActionContext = { ...deps, caller: { openid: 'system', name: '', roles: new Set() }, now: deps.clock.now(), callableActions: () => [] };
  const result = verificationOf(ctx, c, records, actual);
  await save({ ...check, status: 'done', leaseUntil: null, files: check.files.map((f) => ({ ...f, hasherState: null })), result });
  return result;
}

/** The timer's share: works on the runs under way, oldest first. */
export async function advanceEvidenceChecks(deps: Deps, budgetMs = TIMER_HASH_BUDGET_MS): Promise<number> {
  const started = Date.now();
  const runs = await deps.store.find<Stored<EvidenceCheck>>('evidenceChecks', { where: { status: 'hashing' }, orderBy: [['startedAt', 'asc'], ['_id', 'asc']], limit: 100 });
  let finished = 0;
  for (const [i, run] of runs.entries()) {
    const left = budgetMs - (Date.now() - started);
    if (left <= 0 && i > 0) break;
    try {
      if (!('verifying' in (await advanceEvidenceCheck(deps, run._id, Math.max(left, 1))))) finished += 1;
    } catch (e) {
      console.error('evidence check: step failed', (e as Error)?.message);
    }
  }
  return finished;
}
