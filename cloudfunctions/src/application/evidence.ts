import type { EvidenceKind as KindShown, EvidenceSource as SourceShown, EvidenceVerification, EvidenceView } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import {
  type ActualFileHash, type ChainEntry, type ChainHead, type EntryInput, type EvidenceEntry, type EvidenceInput, EvidenceChainError,
  appendEntry, verifyChain,
} from '../domain/evidence-chain';
import { sha256OfStream } from '../domain/stream-hash';
import { matchClientHash } from './client-hash';
import type { Stored } from '../ports/store';
import { writeAudit } from './audit';
import type { StoredCase } from './cases';
import { findAll } from './find-all';

// The case's evidence hash chain as stored (R4, R13): one `evidence` document per record, its id the record's place
// in the chain, and the case keeping the head. The chain rules themselves are domain/evidence-chain.ts.

/** Where a Tencent Meeting cloud recording is; the recording itself stays with Tencent Meeting. */
export interface MeetingRecordingRef {
  recordFileId: string;
  meetingId: string | null;
  meetingCode: string | null;
}

/** What people read beside a chained record; not part of what is hashed. */
export interface EvidenceNotes {
  round: number;
  uploaderName: string;
  fileName: string | null;
  description: string | null;
  meetingRecording: MeetingRecordingRef | null;
  /** The SHA-256 the phone computed at capture, kept beside the cloud's own (which must have matched it). */
  clientSha256?: string;
}

export type EvidenceRecord = ChainEntry & EvidenceNotes;
/** A record of a file (not a supersede note). */
export type FileRecord = EvidenceEntry & EvidenceNotes;

/** A record's id: the case and the place in its chain, zero-padded so that id order is chain order. */
export const evidenceId = (caseId: string, seq: number): string => `${caseId}:${String(seq).padStart(6, '0')}`;

export const isFileRecord = <R extends EvidenceRecord>(r: R): r is R & FileRecord => r.kind !== 'supersede';

/** The case's records in the order the store keeps them (their places); a reordering shows up here. */
export const loadChain = (ctx: ActionContext, caseId: string): Promise<Stored<EvidenceRecord>[]> =>
  findAll<EvidenceRecord>(ctx.store, 'evidence', { where: { caseId }, orderBy: [['_id', 'asc']] });

/** SHA-256 and size of a stored file, streamed through the Files port: a 500 MB recording is never held in memory. */
export async function hashStoredFile(ctx: ActionContext, fileId: string): Promise<{ sha256: string; size: number }> {
  return sha256OfStream(await ctx.files.read(fileId));
}

const APPEND_ATTEMPTS = 20;

/** The head after any records already stored past `head` by uploads that have not moved the case's head yet. */
async function followChain(ctx: ActionContext, caseId: string, head: ChainHead | null): Promise<ChainHead | null> {
  for (let seq = (head?.seq ?? 0) + 1; ; seq++) {
    const next = await ctx.store.get<EvidenceRecord>('evidence', evidenceId(caseId, seq));
    if (!next) return head;
    head = { seq, entryHash: next.entryHash };
  }
}

/** Moves the case's head forward to `entry`, never back: a later upload may already have moved it further. */
async function advanceHead(ctx: ActionContext, caseId: string, entry: ChainHead): Promise<void> {
  for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
    const c = await ctx.store.get<CaseRecord>('cases', caseId);
    if (!c || (c.evidenceHead?.seq ?? 0) >= entry.seq) return;
    const { _id, _version, ...body } = c;
    if ((await ctx.store.replace('cases', _id, _version, { ...body, evidenceHead: { seq: entry.seq, entryHash: entry.entryHash } })) !== null) return;
  }
  throw new AppError('CONFLICT', '办件正忙，证据已保存，请稍后刷新');
}

/** A record to chain, before the chain says who, when and for which case (distributed over the kinds of record). */
type ChainInput = EntryInput extends infer E ? (E extends EntryInput ? Omit<E, 'caseId' | 'uploadedBy' | 'uploadedAt'> : never) : never;

/**
 * Appends a record to the case's chain, with its audit entry, and moves the case's head to it. Two uploads at once
 * race for the same place: the record's id is its place, insert-if-absent lets one win, and the other chains after
 * the winner, so the chain never forks.
 */
export async function chainEvidence(ctx: ActionContext, c: StoredCase, input: ChainInput, notes: EvidenceNotes, action: string): Promise<EvidenceRecord> {
  let head = c.evidenceHead ?? null;
  for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
    head = await followChain(ctx, c._id, head);
    let entry: ChainEntry;
    try {
      entry = appendEntry(head, { ...input, caseId: c._id, uploadedBy: ctx.caller.openid, uploadedAt: ctx.now } as EntryInput);
    } catch (e) {
      if (e instanceof EvidenceChainError) throw new AppError('VALIDATION', e.message);
      throw e;
    }
    const id = evidenceId(c._id, entry.seq);
    const record: EvidenceRecord = { ...entry, ...notes };
    if (await ctx.store.insert('evidence', id, record)) {
      await writeAudit(ctx, `evidence:${id}`, { action, subject: `evidence/${id}`, caseId: c._id, note: auditNoteOf(entry) });
      await advanceHead(ctx, c._id, entry);
      return record;
    }
  }
  throw new AppError('CONFLICT', '同时上传的证据较多，请稍后重试');
}

const auditNoteOf = (e: ChainEntry): string =>
  e.kind === 'supersede'
    ? `第 ${e.seq} 条：将第 ${e.supersedesSeq} 条证据标记作废（${e.reason}）`
    : `第 ${e.seq} 条：${KIND_LABELS[e.kind]}，SHA-256 ${e.fileSha256}`;

/** A file to chain, before the cloud's hash of it and the chain's who and when. */
export type FileInput = Omit<EvidenceInput, 'caseId' | 'uploadedBy' | 'uploadedAt' | 'fileSha256' | 'size'>;

/** The record of a file already in the case's chain (its head moved to it), or null; another case's file is refused. */
export async function chainedRecordOf(ctx: ActionContext, c: StoredCase, fileId: string): Promise<Stored<FileRecord> | null> {
  const [chained] = await ctx.store.find<FileRecord>('evidence', { where: { fileId }, limit: 1 });
  if (!chained) return null;
  if (chained.caseId !== c._id) throw new AppError('VALIDATION', '该文件已是其他办件的证据');
  await advanceHead(ctx, c._id, chained);
  return chained;
}

/**
 * Chains a stored file as evidence of the case, hashing it from storage. A file already chained (the answer to a
 * first attempt was lost) is answered with its record instead of a second one.
 */
export async function chainFile(
  ctx: ActionContext, c: StoredCase, input: FileInput, notes: EvidenceNotes, action: string,
  /** The file's hash when already computed (a large file is hashed in steps, application/hash-jobs.ts). */
  hashed?: { sha256: string; size: number },
): Promise<FileRecord> {
  const chained = await chainedRecordOf(ctx, c, input.fileId);
  if (chained) return chained;
  const { sha256, size } = hashed ?? (await hashStoredFile(ctx, input.fileId));
  matchClientHash(notes.clientSha256, sha256);
  return (await chainEvidence(ctx, c, { ...input, fileSha256: sha256, size }, notes, action)) as FileRecord;
}

/** The chain checked against the files' hashes as computed now (application/evidence-checks.ts computes them). */
export function verificationOf(
  ctx: ActionContext, c: StoredCase, records: readonly EvidenceRecord[], actual: ReadonlyMap<string, ActualFileHash>,
): EvidenceVerification {
  const head = c.evidenceHead ?? null;
  const { ok, problems } = verifyChain(records, actual, { caseId: c._id, head });
  return {
    caseId: c._id, checkedAt: ctx.now.toISOString(), ok, records: records.length,
    ...(head ? { head: { seq: head.seq, entryHash: head.entryHash } } : {}),
    problems: problems.map((p) => ({ code: p.code, ...(p.seq !== undefined ? { seq: p.seq } : {}), ...(p.fileId !== undefined ? { fileId: p.fileId } : {}), message: p.message })),
  };
}

/** The distinct files of a chain, in chain order. */
export const chainFileIds = (records: readonly EvidenceRecord[]): string[] =>
  [...new Set(records.filter(isFileRecord).map((r) => r.fileId).filter((id): id is string => typeof id === 'string'))];

export const KIND_LABELS: Record<KindShown, string> = {
  screenshot: '会议截图',
  recording: '会议录像',
  'live-photo': '现场照片',
  proof: '整改材料',
  'meeting-recording-ref': '腾讯会议云录制',
};

export const SOURCE_LABELS: Record<SourceShown, string> = {
  'in-app-camera': '小程序现场拍摄',
  'album-or-chat': '相册或聊天转发',
  'tencent-meeting-cloud': '腾讯会议云录制',
};

export interface Supersession {
  bySeq: number;
  reason: string;
  at: string;
}

/** Which records later supersede records marked, and why. */
export function supersessions(records: readonly EvidenceRecord[]): Map<number, Supersession> {
  const marked = new Map<number, Supersession>();
  for (const r of records) {
    if (r.kind === 'supersede' && !marked.has(r.supersedesSeq)) marked.set(r.supersedesSeq, { bySeq: r.seq, reason: r.reason, at: r.uploadedAt });
  }
  return marked;
}

export async function toEvidenceView(_ctx: ActionContext, r: FileRecord, superseded?: Supersession): Promise<EvidenceView> {
  return {
    id: `${r.caseId}:${r.seq}`,
    seq: r.seq,
    round: r.round,
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind],
    source: r.source,
    sourceLabel: SOURCE_LABELS[r.source],
    ...(r.fileName ? { fileName: r.fileName } : {}),
    ...(r.description ? { description: r.description } : {}),
    sha256: r.fileSha256,
    size: r.size,
    ...(r.capturedAt ? { capturedAt: r.capturedAt } : {}),
    ...(r.location ? { location: r.location } : {}),
    uploadedByName: r.uploaderName,
    uploadedAt: r.uploadedAt,
    ...(r.meetingRecording
      ? {
        meetingRecording: {
          recordFileId: r.meetingRecording.recordFileId,
          ...(r.meetingRecording.meetingId ? { meetingId: r.meetingRecording.meetingId } : {}),
          ...(r.meetingRecording.meetingCode ? { meetingCode: r.meetingRecording.meetingCode } : {}),
        },
      }
      : {}),
    ...(superseded ? { superseded } : {}),
    fileId: r.fileId,
  };
}

/** The files of the chain, each with its supersession if any; supersede records themselves show on their target. */
export async function toEvidenceViews(ctx: ActionContext, records: readonly EvidenceRecord[]): Promise<EvidenceView[]> {
  const marked = supersessions(records);
  return Promise.all(records.filter(isFileRecord).map((r) => toEvidenceView(ctx, r, marked.get(r.seq))));
}

