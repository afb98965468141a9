import type { ClaimTicket } from '../../../typings/api';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import {
  CLAIM_CODE_TTL_DAYS, type ClaimCodeRecord, claimCodeHash, formatClaimCode, generateClaimCode,
} from '../domain/claim-code';
import { claimQrDataUrl } from './claim-qr';

/** The applicant's page that claims a case; the QR code and the e-mail open it with the code. */
export const CLAIM_PAGE = 'pages/claim-case/claim-case';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A fresh one-time claim code for the case, kept only as its hash in `claimCodes`. The caller answers the ticket
 * (printed once on the receipt) and the hash to store on the case.
 */
export async function issueClaimCode(ctx: ActionContext, caseId: string): Promise<{ ticket: ClaimTicket; hash: string }> {
  const code = generateClaimCode((size) => Buffer.from(ctx.ids.randomHex(size), 'hex'));
  const hash = claimCodeHash(code);
  const expiresAt = new Date(ctx.now.getTime() + CLAIM_CODE_TTL_DAYS * DAY_MS).toISOString();
  const record: ClaimCodeRecord = {
    caseId, issuedAt: ctx.now.toISOString(), expiresAt, issuedBy: ctx.caller.openid, usedAt: null, revokedAt: null, failures: 0,
  };
  if (!(await ctx.store.insert('claimCodes', hash, record))) throw new AppError('CONFLICT', '系统繁忙，请稍后重试');
  const base = ctx.config.claimLinkBase;
  const link = base ? `${base}${base.includes('?') ? '&' : '?'}code=${code}` : undefined;
  const scan = link ? { link, qrDataUrl: claimQrDataUrl(link) } : {};
  return { ticket: { code: formatClaimCode(code), expiresAt, path: `/${CLAIM_PAGE}?code=${code}`, ...scan }, hash };
}

/** Changes a claim code's record by compare-and-set; false when someone else changed it first. */
export async function updateClaimCode(
  ctx: ActionContext, hash: string, change: (r: ClaimCodeRecord) => ClaimCodeRecord,
): Promise<boolean> {
  const current = await ctx.store.get<ClaimCodeRecord>('claimCodes', hash);
  if (!current) return false;
  const { _id, _version, ...record } = current;
  return (await ctx.store.replace('claimCodes', _id, _version, change(record))) !== null;
}
