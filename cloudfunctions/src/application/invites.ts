import { createHash } from 'node:crypto';

/** An invite for an on-site contact in `groupInvites`: single use, expiring (R5). */
export interface GroupInviteRecord {
  caseId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedBy?: string;
  usedAt?: string;
}

export const INVITE_HOURS = 24;
/** On-site contacts one case may have. */
export const MAX_CONTACTS = 5;

/** Invites are stored under the token's hash, so a copy of the database cannot be used to join a group. */
export const inviteId = (token: string): string => createHash('sha256').update(token).digest('hex');
