import type { AuditEntry } from '../domain/case';
import type { ActionContext } from '../api/context';

/** Writes one audit entry. The id is derived from the subject and its new version, so a retry cannot add a twin. */
export async function writeAudit(ctx: ActionContext, id: string, entry: Omit<AuditEntry, 'at' | 'actorId' | 'actorName' | 'requestId'>): Promise<void> {
  const full: AuditEntry = {
    ...entry,
    at: ctx.now.toISOString(),
    actorId: ctx.caller.openid,
    actorName: ctx.caller.name || '申请人',
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
  };
  await ctx.store.insert('audit', id, full);
}
