// The evidence hash chain of a case (R4, R13): each record's hash covers its own fields and the previous record's
// hash, and the case keeps the hash of the last record (the head). Changing a record, its file, its place in the
// chain, or deleting one is then detectable. Evidence is never deleted: a mistake is corrected by appending a
// 'supersede' record that names the earlier record and why, itself chained.
//
// Canonical serialization (CHAIN_VERSION 'evidence-chain/v1'), hashed as UTF-8 with SHA-256, lower-case hex:
//   JSON.stringify([
//     'evidence-chain/v1', seq, caseId, kind,
//     fileId, fileSha256, size, source, capturedAt, location ? [latitude, longitude, accuracy] : null,
//     supersedesSeq, reason,
//     uploadedBy, uploadedAt, prevHash,
//   ])
// A JSON array fixes the field order and escapes every string, so no field can spill into the next. Fields that do
// not apply to the record's kind are written as explicit nulls (evidence: supersedesSeq, reason; supersede: fileId
// through location). Instants are ISO 8601 UTC strings 'YYYY-MM-DDTHH:mm:ss.sssZ'. Changing any byte of this
// layout must bump CHAIN_VERSION, or stored chains stop verifying.
//
// Genesis: the first record's prevHash is SHA-256 of 'evidence-chain/v1/genesis/' + caseId, so a chain is bound to
// its case from the first record on and cannot be moved to another case without rehashing every record.

import { createHash } from 'node:crypto';

export const CHAIN_VERSION = 'evidence-chain/v1';

export const EVIDENCE_KINDS = ['screenshot', 'recording', 'live-photo', 'proof', 'meeting-recording-ref'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_SOURCES = ['in-app-camera', 'album-or-chat', 'tencent-meeting-cloud'] as const;
/** Where the file came from: only 'in-app-camera' metadata (time, place) can be trusted. */
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** Where a picture was taken, as the device reported it (GCJ-02, accuracy in metres when known). */
export interface CaptureLocation {
  latitude: number;
  longitude: number;
  accuracy: number | null;
}

interface EntryBase {
  /** 1, 2, 3… without gaps. */
  seq: number;
  caseId: string;
  /** OPENID of who uploaded the file, or marked the record superseded. */
  uploadedBy: string;
  /** ISO 8601 UTC. */
  uploadedAt: string;
  prevHash: string;
  entryHash: string;
}

export interface EvidenceEntry extends EntryBase {
  kind: EvidenceKind;
  /** Cloud storage file id; a meeting cloud recording is kept as a small reference file, chained like any other. */
  fileId: string;
  /** Computed by the cloud from the stored bytes, never taken from the client. */
  fileSha256: string;
  size: number;
  source: EvidenceSource;
  /** ISO 8601 UTC from the capturing device; null when unknown. */
  capturedAt: string | null;
  location: CaptureLocation | null;
}

export interface SupersedeEntry extends EntryBase {
  kind: 'supersede';
  /** The earlier record this one marks superseded. */
  supersedesSeq: number;
  reason: string;
}

export type ChainEntry = EvidenceEntry | SupersedeEntry;
/** A record before its own hash is computed. */
export type UnhashedEntry = Omit<EvidenceEntry, 'entryHash'> | Omit<SupersedeEntry, 'entryHash'>;

/** What the case records about its chain: the last record's seq and hash. */
export interface ChainHead {
  seq: number;
  entryHash: string;
}

export interface EvidenceInput {
  kind: EvidenceKind;
  caseId: string;
  fileId: string;
  fileSha256: string;
  size: number;
  source: EvidenceSource;
  capturedAt?: Date | null;
  location?: CaptureLocation | null;
  uploadedBy: string;
  uploadedAt: Date;
}

export interface SupersedeInput {
  kind: 'supersede';
  caseId: string;
  supersedesSeq: number;
  reason: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export type EntryInput = EvidenceInput | SupersedeInput;

export type ChainProblemCode =
  | 'FILE_CHANGED'
  | 'FILE_MISSING'
  | 'ENTRY_CHANGED'
  | 'ENTRY_MISSING'
  | 'ORDER_CHANGED'
  | 'HEAD_MISMATCH';

export interface ChainProblem {
  code: ChainProblemCode;
  seq?: number;
  fileId?: string;
  /** For the people reviewing the case. */
  message: string;
}

export interface ChainVerification {
  ok: boolean;
  problems: ChainProblem[];
}

/** The file's SHA-256 as the cloud computes it now, or 'missing' when the file is gone from storage. */
export type ActualFileHash = string | 'missing';

/** Refusal of an entry that must not be chained; `message` is for the user. */
export class EvidenceChainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceChainError';
  }
}

const HASH_PATTERN = /^[0-9a-f]{64}$/;
// Beyond this many consecutive missing records the report names the range instead of each one, so a forged
// seq like 10^9 cannot make verification allocate a billion problems.
const MAX_LISTED_GAP = 50;

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const genesisHash = (caseId: string): string => sha256Hex(`${CHAIN_VERSION}/genesis/${caseId}`);

/**
 * The exact text hashed for a record (see the header). Total over any stored document, so a damaged record
 * still gets a hash to compare instead of an exception.
 */
export function canonicalEntry(entry: UnhashedEntry): string {
  const e = entry as Partial<Omit<EvidenceEntry, 'kind'> & Omit<SupersedeEntry, 'kind'>> & { kind?: string };
  const location = e.location ? [e.location.latitude, e.location.longitude, e.location.accuracy ?? null] : null;
  return JSON.stringify([
    CHAIN_VERSION,
    e.seq ?? null,
    e.caseId ?? null,
    e.kind ?? null,
    e.fileId ?? null,
    e.fileSha256 ?? null,
    e.size ?? null,
    e.source ?? null,
    e.capturedAt ?? null,
    location,
    e.supersedesSeq ?? null,
    e.reason ?? null,
    e.uploadedBy ?? null,
    e.uploadedAt ?? null,
    e.prevHash ?? null,
  ]);
}

export const entryHashOf = (entry: UnhashedEntry): string => sha256Hex(canonicalEntry(entry));

/** The head to record in the case after these records (in any order), or null for an empty chain. */
export function chainHead(entries: readonly ChainEntry[]): ChainHead | null {
  let last: ChainEntry | null = null;
  for (const e of entries) if (!last || e.seq > last.seq) last = e;
  return last ? { seq: last.seq, entryHash: last.entryHash } : null;
}

/**
 * The next record after `head` (null: the case has no evidence yet). The caller stores it and the new head
 * in one transaction, and checks that a superseded record is evidence not already superseded.
 */
export function appendEntry(head: ChainHead | null, input: EntryInput): ChainEntry {
  if (head && (!Number.isSafeInteger(head.seq) || head.seq < 1 || !HASH_PATTERN.test(head.entryHash))) {
    throw new EvidenceChainError('办件记录的证据链末端无效，无法追加证据');
  }
  requireText(input.caseId, '办件标识');
  requireText(input.uploadedBy, '上传人');
  const uploadedAt = isoInstant(input.uploadedAt, '上传时间');
  const seq = head ? head.seq + 1 : 1;
  const prevHash = head ? head.entryHash : genesisHash(input.caseId);

  if (input.kind === 'supersede') {
    if (!Number.isSafeInteger(input.supersedesSeq) || input.supersedesSeq < 1 || input.supersedesSeq >= seq) {
      throw new EvidenceChainError(`要标记作废的证据序号无效：${String(input.supersedesSeq)}`);
    }
    const reason = input.reason.trim();
    if (!reason) throw new EvidenceChainError('标记证据作废必须填写原因');
    const entry = {
      seq,
      caseId: input.caseId,
      kind: 'supersede' as const,
      supersedesSeq: input.supersedesSeq,
      reason,
      uploadedBy: input.uploadedBy,
      uploadedAt,
      prevHash,
    };
    return { ...entry, entryHash: entryHashOf(entry) };
  }

  if (!EVIDENCE_KINDS.includes(input.kind)) throw new EvidenceChainError(`不支持的证据类型：${String(input.kind)}`);
  if (!EVIDENCE_SOURCES.includes(input.source)) throw new EvidenceChainError(`不支持的证据来源：${String(input.source)}`);
  // Only a meeting's cloud recording comes from Tencent Meeting; anything else claiming that source is mislabelled.
  if ((input.kind === 'meeting-recording-ref') !== (input.source === 'tencent-meeting-cloud')) {
    throw new EvidenceChainError('会议云录制只能来自腾讯会议，其他证据不能标记为腾讯会议来源');
  }
  requireText(input.fileId, '文件标识');
  if (!HASH_PATTERN.test(input.fileSha256)) throw new EvidenceChainError('文件的 SHA-256 应为 64 位小写十六进制');
  if (!Number.isSafeInteger(input.size) || input.size < 0) throw new EvidenceChainError('文件大小无效');
  const entry = {
    seq,
    caseId: input.caseId,
    kind: input.kind,
    fileId: input.fileId,
    fileSha256: input.fileSha256,
    size: input.size,
    source: input.source,
    capturedAt: input.capturedAt ? isoInstant(input.capturedAt, '拍摄时间') : null,
    location: input.location ? checkedLocation(input.location) : null,
    uploadedBy: input.uploadedBy,
    uploadedAt,
    prevHash,
  };
  return { ...entry, entryHash: entryHashOf(entry) };
}

/**
 * Checks the stored records of a case against themselves, against the files as they are now, and against the
 * head the case recorded. `entries` in the order the store returned them; every problem names its record and file.
 * Never throws on a damaged record: damage is what it reports.
 */
export function verifyChain(
  entries: readonly ChainEntry[],
  actualFileHashes: ReadonlyMap<string, ActualFileHash>,
  recorded: { caseId: string; head: ChainHead | null },
): ChainVerification {
  const problems: ChainProblem[] = [];
  const valid: ChainEntry[] = [];

  entries.forEach((e, index) => {
    if (Number.isSafeInteger(e.seq) && e.seq >= 1) valid.push(e);
    else problems.push({ code: 'ENTRY_CHANGED', message: `第 ${index + 1} 个位置的证据记录序号无效（${String(e.seq)}），记录被改动` });
  });
  for (let i = 1; i < valid.length; i++) {
    const before = valid[i - 1]!;
    const e = valid[i]!;
    if (e.seq < before.seq) {
      problems.push({
        code: 'ORDER_CHANGED',
        seq: e.seq,
        message: `第 ${e.seq} 条证据记录排在第 ${before.seq} 条之后，证据链顺序被改动`,
      });
    }
  }

  // Sorted by seq (stable), so a reordering is reported once above and not again as broken links below.
  const sorted = [...valid].sort((a, b) => a.seq - b.seq);
  let prev: { seq: number; entryHash: string; damaged: boolean } = {
    seq: 0,
    entryHash: genesisHash(recorded.caseId),
    damaged: false,
  };
  for (const e of sorted) {
    const fileId = e.kind === 'supersede' ? undefined : e.fileId;
    let damaged = false;
    if (e.caseId !== recorded.caseId) {
      damaged = true;
      problems.push({ code: 'ENTRY_CHANGED', seq: e.seq, fileId, message: `第 ${e.seq} 条证据记录属于其他办件（${String(e.caseId)}）` });
    }
    if (entryHashOf(e) !== e.entryHash) {
      damaged = true;
      problems.push({ code: 'ENTRY_CHANGED', seq: e.seq, fileId, message: `第 ${e.seq} 条证据记录${fileLabel(fileId)}的内容与其哈希不符，记录被改动` });
    }
    if (e.seq === prev.seq) {
      problems.push({ code: 'ENTRY_CHANGED', seq: e.seq, fileId, message: `序号为 ${e.seq} 的证据记录有多条，证据链中被插入了记录` });
    } else {
      if (e.seq > prev.seq + 1) {
        reportMissing(prev.seq + 1, e.seq - 1, problems);
      } else if (e.prevHash !== prev.entryHash && !prev.damaged) {
        // The previous record verifies on its own but is not the one this record was chained to: one of the two
        // was replaced by a record with a recomputed hash.
        problems.push({
          code: 'ENTRY_CHANGED',
          seq: e.seq,
          fileId,
          message:
            e.seq === 1
              ? '第 1 条证据记录不是本办件证据链的起点，记录被替换'
              : `第 ${e.seq} 条证据记录与第 ${prev.seq} 条的链接断开，其中一条被替换`,
        });
      }
      prev = { seq: e.seq, entryHash: e.entryHash, damaged };
    }
  }

  for (const e of valid) {
    if (e.kind === 'supersede') continue;
    const actual = actualFileHashes.get(e.fileId);
    if (actual === undefined || actual === 'missing') {
      problems.push({ code: 'FILE_MISSING', seq: e.seq, fileId: e.fileId, message: `第 ${e.seq} 条证据的文件 ${e.fileId} 已不存在` });
    } else if (actual !== e.fileSha256) {
      problems.push({
        code: 'FILE_CHANGED',
        seq: e.seq,
        fileId: e.fileId,
        message: `第 ${e.seq} 条证据的文件 ${e.fileId} 已被改动（记录的 SHA-256 为 ${short(e.fileSha256)}，现为 ${short(actual)}）`,
      });
    }
  }

  const actualHead = chainHead(valid);
  const expected = recorded.head;
  if (expected && expected.seq > (actualHead?.seq ?? 0)) reportMissing((actualHead?.seq ?? 0) + 1, expected.seq, problems);
  if (expected?.seq !== actualHead?.seq || expected?.entryHash !== actualHead?.entryHash) {
    problems.push({ code: 'HEAD_MISMATCH', message: `办件记录的证据链末端为${headLabel(expected)}，实际为${headLabel(actualHead)}` });
  }

  return { ok: problems.length === 0, problems };
}

function reportMissing(from: number, to: number, problems: ChainProblem[]): void {
  if (to - from >= MAX_LISTED_GAP) {
    problems.push({ code: 'ENTRY_MISSING', seq: from, message: `第 ${from} 至第 ${to} 条证据记录缺失（被删除）` });
    return;
  }
  for (let seq = from; seq <= to; seq++) {
    problems.push({ code: 'ENTRY_MISSING', seq, message: `第 ${seq} 条证据记录缺失（被删除）` });
  }
}

const short = (hash: unknown): string => `${String(hash).slice(0, 12)}…`;
const fileLabel = (fileId: string | undefined): string => (fileId === undefined ? '' : `（文件 ${fileId}）`);
const headLabel = (head: ChainHead | null | undefined): string =>
  head ? `第 ${head.seq} 条（${short(head.entryHash)}）` : '空（无证据记录）';

function requireText(value: string, what: string): void {
  if (typeof value !== 'string' || !value.trim()) throw new EvidenceChainError(`${what}不能为空`);
}

function isoInstant(date: Date, what: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new EvidenceChainError(`${what}无效`);
  return date.toISOString();
}

function checkedLocation(location: CaptureLocation): CaptureLocation {
  const { latitude, longitude, accuracy } = location;
  const inRange = (v: number, limit: number) => Number.isFinite(v) && Math.abs(v) <= limit;
  if (!inRange(latitude, 90) || !inRange(longitude, 180) || (accuracy != null && !(Number.isFinite(accuracy) && accuracy >= 0))) {
    throw new EvidenceChainError('拍摄地点的经纬度或精度无效');
  }
  return { latitude, longitude, accuracy: accuracy ?? null };
}
