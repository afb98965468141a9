// One-time session code 会话码 (R8): at the start of the inspection the handler shows it, the on-site contact shows
// it on camera, and a screenshot keeps it, so a pre-recorded or reused video cannot contain it.
// Six digits: read aloud in Chinese and written by hand without any letter/digit confusion (O/0, I/1), and one in
// a million to guess.

export const SESSION_CODE_LENGTH = 6;
export const SESSION_CODE_ALPHABET = '0123456789';
/** Long enough for the opening of the meeting; a resumed call gets a new code. */
export const SESSION_CODE_TTL_MS = 30 * 60 * 1000;

// Bytes at or above 250 are rejected: 250 = 25 × 10, so each digit comes from exactly 25 byte values (no modulo bias).
const ACCEPTED_BYTES_BELOW = 256 - (256 % SESSION_CODE_ALPHABET.length);
// A fair source rejects 6 of 256 bytes; running out after this many draws means the source is broken.
const MAX_DRAWS = 8;

/** A fresh code from a source of random bytes (node:crypto randomBytes in production). */
export function generateSessionCode(randomBytes: (size: number) => Uint8Array): string {
  let code = '';
  for (let draw = 0; draw < MAX_DRAWS && code.length < SESSION_CODE_LENGTH; draw++) {
    for (const byte of randomBytes(SESSION_CODE_LENGTH * 2)) {
      if (byte >= ACCEPTED_BYTES_BELOW) continue;
      code += SESSION_CODE_ALPHABET[byte % SESSION_CODE_ALPHABET.length];
      if (code.length === SESSION_CODE_LENGTH) break;
    }
  }
  if (code.length < SESSION_CODE_LENGTH) throw new Error('random source returned too few usable bytes');
  return code;
}

/** The code as typed, with spaces removed and full-width digits (Chinese input methods) made ASCII; null if malformed. */
export function normalizeSessionCode(input: string): string | null {
  const code = input.replace(/\s+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return new RegExp(`^[${SESSION_CODE_ALPHABET}]{${SESSION_CODE_LENGTH}}$`).test(code) ? code : null;
}

export interface IssuedSessionCode {
  code: string;
  issuedAt: Date;
  /** When it was accepted; a used code is never accepted again. */
  usedAt: Date | null;
}

export type SessionCodeCheck =
  | { ok: true }
  | { ok: false; reason: 'MALFORMED' | 'USED' | 'EXPIRED' | 'MISMATCH'; message: string };

export function checkSessionCode(issued: IssuedSessionCode, entered: string, now: Date): SessionCodeCheck {
  const code = normalizeSessionCode(entered);
  if (code === null) return { ok: false, reason: 'MALFORMED', message: `会话码应为 ${SESSION_CODE_LENGTH} 位数字` };
  if (issued.usedAt) return { ok: false, reason: 'USED', message: '该会话码已使用，请向审批人员索取新的会话码' };
  if (now.getTime() - issued.issuedAt.getTime() > SESSION_CODE_TTL_MS) {
    return { ok: false, reason: 'EXPIRED', message: '会话码已过期，请向审批人员索取新的会话码' };
  }
  if (code !== issued.code) return { ok: false, reason: 'MISMATCH', message: '会话码不正确，请核对后重新输入' };
  return { ok: true };
}
