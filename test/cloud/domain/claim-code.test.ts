import {
  CLAIM_CODE_ALPHABET,
  CLAIM_REFUSALS,
  claimCodeHash,
  type ClaimCodeRecord,
  claimRefusal,
  formatClaimCode,
  generateClaimCode,
  normalizeClaimCode,
  phoneTail,
} from '../../../cloudfunctions/src/domain/claim-code';
import { createHash } from 'node:crypto';

// The claim code (R9): made from random bytes, printed in two groups, read back however it was typed, and refused
// once used, replaced, locked or expired.

test('a code is eight symbols of the alphabet, one per random byte, asked for eight bytes', () => {
  const asked: number[] = [];
  const bytes = (size: number): Uint8Array => {
    asked.push(size);
    return Uint8Array.from([0, 1, 31, 32, 63, 200, 255, 8]);
  };
  // 32 → A, 63 → 9 (31), 200 → 200 % 32 = 8 → J, 255 → 9, 8 → J.
  expect(generateClaimCode(bytes)).toBe('AB9A9J9J');
  expect(asked).toEqual([8]);
  expect(CLAIM_CODE_ALPHABET).toHaveLength(32);
  expect(CLAIM_CODE_ALPHABET).not.toMatch(/[01IO]/);
});

test('printed as two groups of four', () => {
  expect(formatClaimCode('AB9A9J9J')).toBe('AB9A-9J9J');
});

describe('normalizeClaimCode', () => {
  test.each([
    ['AB9A-9J9J', 'AB9A9J9J'],
    ['ab9a 9j9j', 'AB9A9J9J'],
    ['  AB9A —9J9J\t', 'AB9A9J9J'],
    ['ＡＢ９Ａ－９Ｊ９Ｊ', 'AB9A9J9J'],
    ['ａｂ９ａ９ｊ９ｊ', 'AB9A9J9J'],
    ['A-B-9-A-9-J-9-J', 'AB9A9J9J'],
  ])('%j reads as %s', (typed, code) => {
    expect(normalizeClaimCode(typed)).toBe(code);
  });

  test.each([
    ['seven symbols', 'AB9A9J9'],
    ['nine symbols', 'AB9A9J9JK'],
    ['an O', 'AB9A9J9O'],
    ['a 1', 'AB9A9J91'],
    ['a dot', 'AB9A.J9J'],
    ['nothing', ''],
    ['a code inside other text', 'xAB9A9J9Jx'],
  ])('%s is malformed', (_what, typed) => {
    expect(normalizeClaimCode(typed)).toBeNull();
  });
});

test('the stored hash is SHA-256 of the prefixed code, so the code itself is never kept', () => {
  expect(claimCodeHash('AB9A9J9J')).toBe(createHash('sha256').update('claim:AB9A9J9J').digest('hex'));
  expect(claimCodeHash('AB9A9J9J')).not.toBe(claimCodeHash('AB9A9J9K'));
});

test('the phone digits asked are the last four, whatever the punctuation', () => {
  expect(phoneTail('13800138000')).toBe('8000');
  expect(phoneTail('0571-8765 4321')).toBe('4321');
  expect(phoneTail('12')).toBe('12');
  expect(phoneTail('138 0013 8000（手机）')).toBe('8000');
});

describe('claimRefusal', () => {
  const now = new Date('2026-05-10T10:00:00.000Z');
  const record = (over: Partial<ClaimCodeRecord> = {}): ClaimCodeRecord => ({
    caseId: 'case-1',
    issuedAt: '2026-05-01T10:00:00.000Z',
    expiresAt: '2026-05-15T10:00:00.000Z',
    issuedBy: 'officer-1',
    usedAt: null,
    revokedAt: null,
    failures: 0,
    ...over,
  });

  test('a fresh code still binds, up to four failures and until the instant it expires', () => {
    expect(claimRefusal(record(), now)).toBeNull();
    expect(claimRefusal(record({ failures: 4 }), now)).toBeNull();
    expect(claimRefusal(record({ expiresAt: '2026-05-10T10:00:00.001Z' }), now)).toBeNull();
  });

  test('refused once used, replaced, locked after five failures, or expired — in that order of reasons', () => {
    expect(claimRefusal(record({ usedAt: '2026-05-02T10:00:00.000Z', revokedAt: '2026-05-03T10:00:00.000Z', failures: 5 }), now)).toBe('USED');
    expect(claimRefusal(record({ revokedAt: '2026-05-03T10:00:00.000Z', failures: 5, expiresAt: '2026-05-01T00:00:00.000Z' }), now)).toBe('REVOKED');
    expect(claimRefusal(record({ failures: 5, expiresAt: '2026-05-01T00:00:00.000Z' }), now)).toBe('LOCKED');
    expect(claimRefusal(record({ failures: 6 }), now)).toBe('LOCKED');
    expect(claimRefusal(record({ expiresAt: '2026-05-10T10:00:00.000Z' }), now)).toBe('EXPIRED');
    expect(CLAIM_REFUSALS.EXPIRED).toBe('认领码已过期，请联系登记窗口重新获取');
  });
});
