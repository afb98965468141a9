import { createHash } from 'node:crypto';
import {
  type ChainEntry,
  type ChainHead,
  type EntryInput,
  appendEntry,
  chainHead,
  entryHashOf,
  verifyChain,
} from '../../../cloudfunctions/src/domain/evidence-chain';

// What verifyChain tells an auditor about a damaged chain, word for word: an invalid number, a record of another
// case, a replaced or altered record (reported once, not again as a broken link), records missing at the end or in
// a gap (listed, or summarized past fifty), and the recorded head.

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const CASE = 'case-0001';
const photo = (n: number): EntryInput =>
  ({
    kind: 'live-photo', caseId: CASE, fileId: `cloud://env/cases/${CASE}/evidence/${n}.jpg`, fileSha256: sha(`picture ${n}`), size: 1000, source: 'in-app-camera',
    capturedAt: new Date('2026-06-12T02:00:00Z'), location: { latitude: 39.12, longitude: 117.65, accuracy: 15 },
    uploadedBy: 'openid-contact', uploadedAt: new Date(Date.parse('2026-06-12T02:00:30Z') + n * 1000),
  }) as EntryInput;
const supersede = (seq: number): EntryInput =>
  ({ kind: 'supersede', caseId: CASE, supersedesSeq: seq, reason: '误传', uploadedBy: 'openid-officer', uploadedAt: new Date('2026-06-12T03:00:00Z') }) as EntryInput;

function chain(n: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let head: ChainHead | null = null;
  for (let i = 1; i <= n; i++) {
    const e = appendEntry(head, i === n && n > 3 ? supersede(1) : photo(i));
    entries.push(e);
    head = { seq: e.seq, entryHash: e.entryHash };
  }
  return entries;
}
const files = (entries: ChainEntry[]) => new Map(entries.flatMap((e) => (e.kind === 'supersede' ? [] : [[e.fileId, e.fileSha256] as [string, string]])));
const headOf = (e: ChainEntry): ChainHead => ({ seq: e.seq, entryHash: e.entryHash });
/** The record with a field changed and its hash recomputed: it verifies on its own. */
const rehashed = (e: ChainEntry, change: Partial<ChainEntry>): ChainEntry => {
  const { entryHash: _old, ...rest } = { ...e, ...change } as ChainEntry;
  return { ...rest, entryHash: entryHashOf(rest) } as ChainEntry;
};
const messages = (entries: ChainEntry[], head: ChainHead | null, actual = files(entries)) => verifyChain(entries, actual, { caseId: CASE, head }).problems.map((p) => p.message);

test('a sound chain, its head whatever the order the records come in', () => {
  const entries = chain(4);
  expect(verifyChain(entries, files(entries), { caseId: CASE, head: headOf(entries[3]!) })).toEqual({ ok: true, problems: [] });
  expect(chainHead([entries[2]!, entries[0]!, entries[1]!])).toEqual(headOf(entries[2]!));
  expect(chainHead([])).toBeNull();
});

test('a record whose number is not a whole number from 1 is named by its position', () => {
  const entries = chain(3);
  const broken = [entries[0]!, { ...entries[1]!, seq: 0 }, entries[2]!];
  expect(messages(broken, headOf(entries[2]!))).toContain('第 2 个位置的证据记录序号无效（0），记录被改动');
  const fractional = [entries[0]!, entries[1]!, { ...entries[2]!, seq: 2.5 }];
  expect(messages(fractional, headOf(entries[1]!))).toEqual(['第 3 个位置的证据记录序号无效（2.5），记录被改动']);
});

test('a record of another case, rehashed, is reported once; the next record’s link to it is not reported again', () => {
  const entries = chain(3);
  const moved = [entries[0]!, rehashed(entries[1]!, { caseId: 'case-0002' }), entries[2]!];
  expect(messages(moved, headOf(entries[2]!))).toEqual(['第 2 条证据记录属于其他办件（case-0002）']);
});

test('an altered record is reported with its file, and a supersede note without one; not again as a broken link', () => {
  const entries = chain(4);
  const altered = [entries[0]!, { ...entries[1]!, entryHash: sha('forged') }, entries[2]!, entries[3]!];
  expect(messages(altered, headOf(entries[3]!))).toEqual([`第 2 条证据记录（文件 cloud://env/cases/${CASE}/evidence/2.jpg）的内容与其哈希不符，记录被改动`]);
  const note = [...entries.slice(0, 3), { ...entries[3]!, reason: '改了' } as ChainEntry];
  expect(messages(note, headOf(entries[3]!))).toEqual(['第 4 条证据记录的内容与其哈希不符，记录被改动']);
});

test('a record replaced by one with a recomputed hash breaks the link to the next, or is not the chain’s start', () => {
  const entries = chain(3);
  const replaced = [entries[0]!, rehashed(entries[1]!, { size: 2000 } as Partial<ChainEntry>), entries[2]!];
  expect(messages(replaced, headOf(entries[2]!))).toEqual(['第 3 条证据记录与第 2 条的链接断开，其中一条被替换']);
  const first = [rehashed(entries[0]!, { prevHash: sha('elsewhere') }), ...entries.slice(1)];
  expect(messages(first, headOf(entries[2]!))).toEqual(['第 1 条证据记录不是本办件证据链的起点，记录被替换', '第 2 条证据记录与第 1 条的链接断开，其中一条被替换']);
});

test('records missing at the end are listed up to the recorded head', () => {
  const entries = chain(3);
  expect(messages(entries.slice(0, 1), headOf(entries[2]!))).toEqual([
    '第 2 条证据记录缺失（被删除）',
    '第 3 条证据记录缺失（被删除）',
    `办件记录的证据链末端为第 3 条（${entries[2]!.entryHash.slice(0, 12)}…），实际为第 1 条（${entries[0]!.entryHash.slice(0, 12)}…）`,
  ]);
  expect(messages([], headOf(entries[0]!))).toEqual(['第 1 条证据记录缺失（被删除）', `办件记录的证据链末端为第 1 条（${entries[0]!.entryHash.slice(0, 12)}…），实际为空（无证据记录）`]);
  expect(messages(entries.slice(0, 1), null)).toEqual([`办件记录的证据链末端为空（无证据记录），实际为第 1 条（${entries[0]!.entryHash.slice(0, 12)}…）`]);
});

test('a gap of fifty records or fewer is listed one by one; a longer one is summarized', () => {
  const entries = chain(1);
  const listed = messages(entries, { seq: 51, entryHash: sha('x') });
  expect(listed.filter((m) => m.endsWith('缺失（被删除）'))).toHaveLength(50);
  expect(listed[0]).toBe('第 2 条证据记录缺失（被删除）');
  expect(listed[49]).toBe('第 51 条证据记录缺失（被删除）');
  const summarized = messages(entries, { seq: 52, entryHash: sha('x') });
  expect(summarized.filter((m) => m.includes('缺失'))).toEqual(['第 2 至第 52 条证据记录缺失（被删除）']);
  // A short gap late in the chain is still listed.
  const long = chain(30).slice(0, 28);
  expect(messages(long, { seq: 30, entryHash: sha('x') }).filter((m) => m.includes('缺失'))).toEqual(['第 29 条证据记录缺失（被删除）', '第 30 条证据记录缺失（被删除）']);
});
