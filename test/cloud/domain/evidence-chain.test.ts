import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  type ActualFileHash,
  type ChainEntry,
  type ChainHead,
  type EntryInput,
  type EvidenceEntry,
  EvidenceChainError,
  appendEntry,
  canonicalEntry,
  chainHead,
  entryHashOf,
  genesisHash,
  verifyChain,
} from '../../../cloudfunctions/src/domain/evidence-chain';

const CASE_ID = 'case-0001';
const OFFICER = 'openid-officer';
const CONTACT = 'openid-contact';
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const at = (iso: string): Date => new Date(iso);

/** Appends inputs in order, as the upload action would, and returns the records with the head the case keeps. */
function chainOf(inputs: EntryInput[]): { entries: ChainEntry[]; head: ChainHead | null } {
  const entries: ChainEntry[] = [];
  for (const input of inputs) entries.push(appendEntry(chainHead(entries), input));
  return { entries, head: chainHead(entries) };
}

const filesOf = (entries: ChainEntry[]): Map<string, ActualFileHash> =>
  new Map(entries.flatMap((e) => (e.kind === 'supersede' ? [] : [[e.fileId, e.fileSha256] as const])));

const evidence = (n: number, overrides: Partial<EntryInput> = {}): EntryInput =>
  ({
    kind: 'live-photo',
    caseId: CASE_ID,
    fileId: `cloud://env/cases/${CASE_ID}/evidence/${n}.jpg`,
    fileSha256: sha(`bytes of picture ${n}`),
    size: 100_000 + n,
    source: 'in-app-camera',
    capturedAt: at(`2026-06-12T02:0${n}:00Z`),
    location: { latitude: 39.123456, longitude: 117.654321, accuracy: 15 },
    uploadedBy: CONTACT,
    uploadedAt: at(`2026-06-12T02:0${n}:30Z`),
    ...overrides,
  }) as EntryInput;

/** Five records: pictures from the camera and the album, the meeting's cloud recording, and one superseded. */
function sampleChain() {
  const { entries, head } = chainOf([
    evidence(1, { kind: 'screenshot', source: 'album-or-chat', capturedAt: null, location: null, uploadedBy: OFFICER }),
    evidence(2),
    evidence(3),
    evidence(4, {
      kind: 'meeting-recording-ref',
      source: 'tencent-meeting-cloud',
      fileId: `cloud://env/cases/${CASE_ID}/evidence/recording-ref.json`,
      capturedAt: null,
      location: null,
      uploadedBy: OFFICER,
    }),
    { kind: 'supersede', caseId: CASE_ID, supersedesSeq: 3, reason: '照片模糊，已重新拍摄', uploadedBy: OFFICER, uploadedAt: at('2026-06-12T03:00:00Z') },
  ]);
  return { entries, head: head!, files: filesOf(entries) };
}

const verify = (entries: ChainEntry[], files: Map<string, ActualFileHash>, head: ChainHead | null) =>
  verifyChain(entries, files, { caseId: CASE_ID, head });

describe('the evidence chain', () => {
  it('verifies an intact chain against its files and the head the case recorded', () => {
    const { entries, head, files } = sampleChain();
    expect(verify(entries, files, head)).toEqual({ ok: true, problems: [] });
    expect(head.seq).toBe(5);
  });

  it('numbers records from 1 and chains the first to the case genesis hash and each later one to the previous', () => {
    const { entries } = sampleChain();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(genesisHash(CASE_ID));
    expect(genesisHash(CASE_ID)).toBe(sha(`evidence-chain/v1/genesis/${CASE_ID}`));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.entryHash);
    for (const e of entries) expect(e.entryHash).toBe(entryHashOf(e));
  });

  it('hashes a fixed-order JSON array with explicit nulls for the fields a kind does not have', () => {
    const { entries } = sampleChain();
    const picture = entries[1]!;
    expect(canonicalEntry(picture)).toBe(
      JSON.stringify([
        'evidence-chain/v1', 2, CASE_ID, 'live-photo',
        `cloud://env/cases/${CASE_ID}/evidence/2.jpg`, sha('bytes of picture 2'), 100_002, 'in-app-camera',
        '2026-06-12T02:02:00.000Z', [39.123456, 117.654321, 15],
        null, null,
        CONTACT, '2026-06-12T02:02:30.000Z', entries[0]!.entryHash,
      ]),
    );
    expect(picture.entryHash).toBe(sha(canonicalEntry(picture)));
    expect(JSON.parse(canonicalEntry(entries[4]!)).slice(4, 12)).toEqual([null, null, null, null, null, null, 3, '照片模糊，已重新拍摄']);
  });

  it('names the record and file whose stored bytes changed', () => {
    const { entries, head, files } = sampleChain();
    const fileId = `cloud://env/cases/${CASE_ID}/evidence/2.jpg`;
    files.set(fileId, sha('edited picture'));
    const result = verify(entries, files, head);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'FILE_CHANGED', seq: 2, fileId })]);
    expect(result.problems[0]!.message).toContain('已被改动');
  });

  it('names the record and file that went missing from storage, even a superseded one', () => {
    const { entries, head, files } = sampleChain();
    const fileId = `cloud://env/cases/${CASE_ID}/evidence/3.jpg`;
    files.set(fileId, 'missing');
    files.delete(`cloud://env/cases/${CASE_ID}/evidence/1.jpg`);
    expect(verify(entries, files, head).problems).toEqual([
      expect.objectContaining({ code: 'FILE_MISSING', seq: 1, fileId: `cloud://env/cases/${CASE_ID}/evidence/1.jpg` }),
      expect.objectContaining({ code: 'FILE_MISSING', seq: 3, fileId }),
    ]);
  });

  it('names a record deleted from the middle of the chain by its seq', () => {
    const { entries, head, files } = sampleChain();
    const result = verify(entries.filter((e) => e.seq !== 3), files, head);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'ENTRY_MISSING', seq: 3, message: '第 3 条证据记录缺失（被删除）' })]);
  });

  it('catches a deleted last record through the head the case recorded', () => {
    const { entries, head, files } = sampleChain();
    const result = verify(entries.slice(0, 4), files, head);
    expect(result.problems.map((p) => [p.code, p.seq])).toEqual([
      ['ENTRY_MISSING', 5],
      ['HEAD_MISMATCH', undefined],
    ]);
  });

  it('reports a reordered chain once, naming the record that moved, without calling it damaged', () => {
    const { entries, head, files } = sampleChain();
    const [a, b, c, d, e] = entries as [ChainEntry, ChainEntry, ChainEntry, ChainEntry, ChainEntry];
    const result = verify([a, c, b, d, e], files, head);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'ORDER_CHANGED', seq: 2, message: '第 2 条证据记录排在第 3 条之后，证据链顺序被改动' }),
    ]);
  });

  it('names the record and file whose fields were changed after it was chained', () => {
    const { entries, head, files } = sampleChain();
    const edited = entries.map((e) => (e.seq === 2 ? { ...e, capturedAt: '2026-06-11T02:02:00.000Z' } : e));
    expect(verify(edited, files, head).problems).toEqual([
      expect.objectContaining({ code: 'ENTRY_CHANGED', seq: 2, fileId: `cloud://env/cases/${CASE_ID}/evidence/2.jpg` }),
    ]);
  });

  it('catches a record replaced together with its file and a recomputed hash at the broken link to the next one', () => {
    const { entries, head, files } = sampleChain();
    const replaced = entries.map((e) => {
      if (e.seq !== 2 || e.kind === 'supersede') return e;
      const forged = { ...e, fileSha256: sha('another picture') };
      return { ...forged, entryHash: entryHashOf(forged) };
    });
    files.set(`cloud://env/cases/${CASE_ID}/evidence/2.jpg`, sha('another picture'));
    expect(verify(replaced, files, head).problems).toEqual([
      expect.objectContaining({ code: 'ENTRY_CHANGED', seq: 3, message: '第 3 条证据记录与第 2 条的链接断开，其中一条被替换' }),
    ]);
  });

  it('reports a recorded head that does not match the chain', () => {
    const { entries, files } = sampleChain();
    const wrong = { seq: 5, entryHash: sha('not the head') };
    const result = verify(entries, files, wrong);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'HEAD_MISMATCH' })]);
    expect(result.problems[0]!.message).toMatch(/^办件记录的证据链末端为第 5 条（[0-9a-f]{12}…），实际为第 5 条/);
    expect(verify([], new Map(), null).ok).toBe(true);
    expect(verify(entries, files, null).problems).toEqual([expect.objectContaining({ code: 'HEAD_MISMATCH' })]);
  });

  it('refuses records of another case and a record inserted twice', () => {
    const { entries, head, files } = sampleChain();
    expect(verifyChain(entries, files, { caseId: 'case-0002', head }).problems[0]).toEqual(
      expect.objectContaining({ code: 'ENTRY_CHANGED', seq: 1, message: '第 1 条证据记录属于其他办件（case-0001）' }),
    );
    const doubled = [...entries.slice(0, 2), entries[1]!, ...entries.slice(2)];
    expect(verify(doubled, files, head).problems).toEqual([
      expect.objectContaining({ code: 'ENTRY_CHANGED', seq: 2, message: '序号为 2 的证据记录有多条，证据链中被插入了记录' }),
    ]);
  });

  it('reports damaged records instead of throwing on them', () => {
    const { entries, head, files } = sampleChain();
    const damaged = [{ ...entries[0]!, seq: '1' as unknown as number }, { foo: 1 } as unknown as ChainEntry, ...entries.slice(1)];
    const result = verify(damaged, files, head);
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.code === 'ENTRY_CHANGED' && p.seq === undefined)).toHaveLength(2);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'ENTRY_MISSING', seq: 1 }));
  });

  it('names a range of missing records when a forged seq leaves a huge gap', () => {
    const { entries, files } = sampleChain();
    const result = verify(entries, files, { seq: 1_000_000_000, entryHash: sha('x') });
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'ENTRY_MISSING', seq: 6, message: '第 6 至第 1000000000 条证据记录缺失（被删除）' }),
      expect.objectContaining({ code: 'HEAD_MISMATCH' }),
    ]);
  });

  it('marks evidence superseded with a chained record and keeps the original record and file', () => {
    const { entries } = sampleChain();
    expect(entries[4]).toEqual(
      expect.objectContaining({ seq: 5, kind: 'supersede', supersedesSeq: 3, reason: '照片模糊，已重新拍摄', prevHash: entries[3]!.entryHash }),
    );
    expect(entries[2]).toEqual(expect.objectContaining({ seq: 3, kind: 'live-photo' }));
  });

  it('refuses to supersede a record that does not precede it, or without a reason', () => {
    const head = { seq: 2, entryHash: sha('head') };
    const supersede = (supersedesSeq: number, reason: string) =>
      appendEntry(head, { kind: 'supersede', caseId: CASE_ID, supersedesSeq, reason, uploadedBy: OFFICER, uploadedAt: at('2026-06-12T03:00:00Z') });
    expect(() => supersede(3, '重复上传')).toThrow(EvidenceChainError);
    expect(() => supersede(0, '重复上传')).toThrow(EvidenceChainError);
    expect(() => supersede(2, '   ')).toThrow('标记证据作废必须填写原因');
    expect(supersede(2, ' 重复上传 ')).toEqual(expect.objectContaining({ seq: 3, supersedesSeq: 2, reason: '重复上传' }));
    expect(() => appendEntry(null, { kind: 'supersede', caseId: CASE_ID, supersedesSeq: 1, reason: '误传', uploadedBy: OFFICER, uploadedAt: at('2026-06-12T03:00:00Z') })).toThrow(EvidenceChainError);
  });

  it('refuses to chain a malformed hash, a bad size or place, or a recording mislabelled as from Tencent Meeting', () => {
    expect(() => appendEntry(null, evidence(1, { fileSha256: 'ABC' }))).toThrow('文件的 SHA-256 应为 64 位小写十六进制');
    expect(() => appendEntry(null, evidence(1, { size: -1 }))).toThrow('文件大小无效');
    expect(() => appendEntry(null, evidence(1, { location: { latitude: 91, longitude: 0, accuracy: null } }))).toThrow('拍摄地点');
    expect(() => appendEntry(null, evidence(1, { source: 'tencent-meeting-cloud' }))).toThrow('会议云录制只能来自腾讯会议');
    expect(() => appendEntry(null, evidence(1, { kind: 'meeting-recording-ref' }))).toThrow('会议云录制只能来自腾讯会议');
    expect(() => appendEntry(null, evidence(1, { uploadedAt: new Date(Number.NaN) }))).toThrow('上传时间无效');
    expect(() => appendEntry({ seq: 0, entryHash: sha('x') }, evidence(1))).toThrow('证据链末端无效');
  });
});

describe('the evidence chain under random tampering', () => {
  const kinds = ['screenshot', 'recording', 'live-photo', 'proof'] as const;
  const step = fc.record({
    supersede: fc.boolean(),
    kind: fc.constantFrom(...kinds),
    fromAlbum: fc.boolean(),
    target: fc.nat(),
    size: fc.nat({ max: 2 ** 31 }),
    withPlace: fc.boolean(),
  });

  /** A random chain; the first record is always evidence, later ones may supersede an earlier record. */
  const randomChain = fc.array(step, { minLength: 1, maxLength: 8 }).map((steps) =>
    chainOf(
      steps.map((s, i): EntryInput => {
        const uploadedAt = new Date(Date.UTC(2026, 5, 12, 2, i));
        if (s.supersede && i > 0) {
          return { kind: 'supersede', caseId: CASE_ID, supersedesSeq: (s.target % i) + 1, reason: `原因 ${i}`, uploadedBy: OFFICER, uploadedAt };
        }
        return {
          kind: s.kind,
          caseId: CASE_ID,
          fileId: `cloud://env/cases/${CASE_ID}/evidence/${i}`,
          fileSha256: sha(`file ${i}`),
          size: s.size,
          source: s.fromAlbum ? 'album-or-chat' : 'in-app-camera',
          capturedAt: s.fromAlbum ? null : uploadedAt,
          location: s.withPlace ? { latitude: 39 + i / 1000, longitude: 117, accuracy: s.withPlace ? i : null } : null,
          uploadedBy: CONTACT,
          uploadedAt,
        };
      }),
    ),
  );

  const mutation = fc.oneof(
    fc.record({ type: fc.constant('field' as const), index: fc.nat(), field: fc.nat(), rehash: fc.boolean() }),
    fc.record({ type: fc.constantFrom('delete' as const, 'duplicate' as const, 'file-changed' as const, 'file-missing' as const), index: fc.nat() }),
    fc.record({ type: fc.constant('swap' as const), index: fc.nat(), other: fc.nat() }),
    fc.record({ type: fc.constant('head' as const), seqDelta: fc.integer({ min: -2, max: 2 }) }),
  );

  const changed = (value: unknown): unknown => {
    if (typeof value === 'string') return `${value}x`;
    if (typeof value === 'number') return value + 1;
    if (value && typeof value === 'object') return { ...(value as object), latitude: 0 };
    return 'x';
  };

  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

  /** Applies one tampering to copies of the chain, files and head. */
  function tamper(chain: { entries: ChainEntry[]; head: ChainHead | null }, m: Mutation) {
    const entries = chain.entries.map((e) => ({ ...e }) as ChainEntry);
    const files = filesOf(chain.entries);
    let head = chain.head;
    const n = entries.length;
    const pick = (index: number) => entries[index % n]!;
    const evidenceEntries = entries.filter((e): e is EvidenceEntry => e.kind !== 'supersede');
    switch (m.type) {
      case 'field': {
        const target = pick(m.index) as unknown as Record<string, unknown>;
        const keys = Object.keys(target);
        const key = keys[m.field % keys.length]!;
        target[key] = changed(target[key]);
        if (m.rehash && key !== 'entryHash') target.entryHash = entryHashOf(target as unknown as ChainEntry);
        break;
      }
      case 'delete':
        entries.splice(m.index % n, 1);
        break;
      case 'duplicate':
        entries.splice(m.index % n, 0, { ...pick(m.index) });
        break;
      case 'swap': {
        const i = m.index % n;
        const j = n < 2 ? i : (i + 1 + (m.other % (n - 1))) % n;
        if (i === j) entries.splice(i, 1);
        else [entries[i], entries[j]] = [entries[j]!, entries[i]!];
        break;
      }
      case 'file-changed':
      case 'file-missing': {
        const e = evidenceEntries[m.index % evidenceEntries.length]!;
        files.set(e.fileId, m.type === 'file-changed' ? sha('tampered bytes') : 'missing');
        break;
      }
      case 'head':
        head = m.seqDelta === 0 ? { seq: head!.seq, entryHash: sha('other head') } : { seq: head!.seq + m.seqDelta, entryHash: head!.entryHash };
        break;
    }
    return { entries, files, head };
  }

  it('verifies every untouched random chain', () => {
    fc.assert(fc.property(randomChain, ({ entries, head }) => verify(entries, filesOf(entries), head).ok));
  });

  it('detects any single tampering of a random chain', () => {
    fc.assert(
      fc.property(randomChain, mutation, (chain, m) => {
        const { entries, files, head } = tamper(chain, m);
        const result = verify(entries, files, head);
        return !result.ok && result.problems.every((p) => p.message.length > 0);
      }),
      { numRuns: 2000 },
    );
  });
});
