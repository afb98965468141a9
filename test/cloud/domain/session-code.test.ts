import { createHash, randomBytes } from 'node:crypto';
import {
  SESSION_CODE_ALPHABET,
  SESSION_CODE_TTL_MS,
  checkSessionCode,
  generateSessionCode,
  normalizeSessionCode,
} from '../../../cloudfunctions/src/domain/session-code';

/** Replays the given bytes, for exact expectations. */
const bytesFrom = (bytes: number[]) => (size: number) => Uint8Array.from(bytes.splice(0, size));

/** A reproducible stand-in for randomBytes: SHA-256 in counter mode, so the uniformity check is not flaky. */
function counterModeBytes(seed: string) {
  let counter = 0;
  let pool = Buffer.alloc(0);
  return (size: number): Uint8Array => {
    while (pool.length < size) pool = Buffer.concat([pool, createHash('sha256').update(`${seed}:${counter++}`).digest()]);
    const out = pool.subarray(0, size);
    pool = pool.subarray(size);
    return out;
  };
}

describe('the one-time session code', () => {
  it('is six characters of the digit alphabet', () => {
    for (let i = 0; i < 200; i++) expect(generateSessionCode(randomBytes)).toMatch(/^[0-9]{6}$/);
    expect(SESSION_CODE_ALPHABET).toBe('0123456789');
  });

  it('maps each digit from exactly 25 byte values and rejects the 6 bytes that would bias it', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const source = bytesFrom([byte, 0, 0, 0, 0, 0, ...Array<number>(20).fill(1)]);
      const first = generateSessionCode(source)[0]!;
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    // Bytes 250–255 are skipped, so the code then starts with the next byte, 0.
    expect(Object.fromEntries(counts)).toEqual({
      0: 25 + 6, 1: 25, 2: 25, 3: 25, 4: 25, 5: 25, 6: 25, 7: 25, 8: 25, 9: 25,
    });
  });

  it('skips rejected bytes and draws more when a batch runs out', () => {
    expect(generateSessionCode(bytesFrom([250, 1, 255, 2, 3, 252, 253, 254, 251, 250, 255, 4, 5, 6]))).toBe('123456');
    expect(generateSessionCode(bytesFrom([...Array<number>(12).fill(255), 9, 8, 7, 6, 5, 4]))).toBe('987654');
    expect(() => generateSessionCode(() => new Uint8Array(12).fill(255))).toThrow('too few usable bytes');
  });

  it('spreads digits evenly over every position (chi-square sanity check, 20,000 codes)', () => {
    const source = counterModeBytes('session-code-uniformity');
    const counts = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
    const codes = 20_000;
    for (let i = 0; i < codes; i++) {
      [...generateSessionCode(source)].forEach((d, position) => counts[position]![Number(d)]!++);
    }
    const expected = codes / 10;
    for (const position of counts) {
      const chiSquare = position.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
      expect(chiSquare).toBeLessThan(27.88); // 9 degrees of freedom, p = 0.001
    }
  });

  describe('checking an entered code', () => {
    const issuedAt = new Date('2026-06-12T01:30:00Z');
    const issued = { code: '042917', issuedAt, usedAt: null };
    const soon = new Date(issuedAt.getTime() + 60_000);

    it('accepts the issued code, also typed with spaces or full-width digits', () => {
      expect(checkSessionCode(issued, '042917', soon)).toEqual({ ok: true });
      expect(checkSessionCode(issued, ' 042 917 ', soon)).toEqual({ ok: true });
      expect(checkSessionCode(issued, '０４２９１７', soon)).toEqual({ ok: true });
      expect(normalizeSessionCode('０４２ ９１７')).toBe('042917');
    });

    it('refuses a malformed, wrong, used or expired code with a message for the user', () => {
      expect(checkSessionCode(issued, '04291', soon)).toEqual({ ok: false, reason: 'MALFORMED', message: '会话码应为 6 位数字' });
      expect(checkSessionCode(issued, '04291A', soon)).toEqual(expect.objectContaining({ reason: 'MALFORMED' }));
      expect(checkSessionCode(issued, '042918', soon)).toEqual(expect.objectContaining({ reason: 'MISMATCH', message: '会话码不正确，请核对后重新输入' }));
      expect(checkSessionCode({ ...issued, usedAt: soon }, '042917', soon)).toEqual(expect.objectContaining({ reason: 'USED' }));
      const justInTime = new Date(issuedAt.getTime() + SESSION_CODE_TTL_MS);
      expect(checkSessionCode(issued, '042917', justInTime)).toEqual({ ok: true });
      expect(checkSessionCode(issued, '042917', new Date(justInTime.getTime() + 1))).toEqual(expect.objectContaining({ reason: 'EXPIRED' }));
    });
  });
});
