// The claim code 认领码 (R9, issue 12): a case registered at the counter or from an e-mail has no applicant account
// yet. The receipt (or the reply e-mail) carries a one-time code; the applicant enters it in WeChat and proves they
// are the applicant with what only they know (the credit code and the last digits of their phone). The case and the
// claim record keep only a hash of the code, so neither a case export nor `claimCodes` reveals it; the plain code is
// on the receipt and in the registering officer's own retry record (`requests`, read by the server alone), so that a
// retried registration prints the same receipt.

import { createHash } from 'node:crypto';

/** No 0/O, 1/I: read off paper and typed on a phone without confusion. 32 symbols, 8 of them: 2^40 codes. */
export const CLAIM_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CLAIM_CODE_LENGTH = 8;
/** Long enough for a receipt to reach home and be scanned; staff re-issue an expired one. */
export const CLAIM_CODE_TTL_DAYS = 14;
/** Wrong answers a code survives; then it is void and staff must issue a new one (guessing stays hopeless). */
export const MAX_CLAIM_FAILURES = 5;
/** The phone digits asked for. */
export const PHONE_DIGITS_ASKED = 4;

// 256 = 8 × 32: every byte maps to one symbol without bias.
export function generateClaimCode(randomBytes: (size: number) => Uint8Array): string {
  return Array.from(randomBytes(CLAIM_CODE_LENGTH), (b) => CLAIM_CODE_ALPHABET[b % CLAIM_CODE_ALPHABET.length]).join('');
}

/** As printed: two groups of four. */
export const formatClaimCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/** The code as typed or scanned: spaces and dashes dropped, full-width letters made ASCII, upper case; null if malformed. */
export function normalizeClaimCode(input: string): string | null {
  const code = input
    .replace(/[\s\-－—]+/g, '')
    .replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
  return new RegExp(`^[${CLAIM_CODE_ALPHABET}]{${CLAIM_CODE_LENGTH}}$`).test(code) ? code : null;
}

export const claimCodeHash = (code: string): string => createHash('sha256').update(`claim:${code}`).digest('hex');

/** The last digits of a phone number as written on the application (mobile or landline with dashes). */
export const phoneTail = (phone: string): string => phone.replace(/\D/g, '').slice(-PHONE_DIGITS_ASKED);

/** The claim code issued for a case, as kept in `claimCodes` (id = claimCodeHash of the code). */
export interface ClaimCodeRecord {
  caseId: string;
  issuedAt: string;
  expiresAt: string;
  issuedBy: string;
  /** When it bound the case to an applicant; a used code never works again. */
  usedAt: string | null;
  /** Set when a newer code replaced it. */
  revokedAt: string | null;
  failures: number;
}

export type ClaimRefusal = 'USED' | 'REVOKED' | 'EXPIRED' | 'LOCKED';

export const CLAIM_REFUSALS: Record<ClaimRefusal, string> = {
  USED: '该认领码已使用过，办件已被认领。如非本人认领，请联系登记窗口',
  REVOKED: '该认领码已作废，请使用窗口最新发给您的认领码',
  EXPIRED: '认领码已过期，请联系登记窗口重新获取',
  LOCKED: '核对信息错误次数过多，该认领码已失效，请联系登记窗口重新获取',
};

/** Why this code can no longer bind the case at `now`, or null while it still can. */
export function claimRefusal(record: ClaimCodeRecord, now: Date): ClaimRefusal | null {
  if (record.usedAt) return 'USED';
  if (record.revokedAt) return 'REVOKED';
  if (record.failures >= MAX_CLAIM_FAILURES) return 'LOCKED';
  if (Date.parse(record.expiresAt) <= now.getTime()) return 'EXPIRED';
  return null;
}
