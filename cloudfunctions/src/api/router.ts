import { createHash } from 'node:crypto';
import * as z from 'zod';
import { withSettings } from '../application/settings';
import type { ApiResult } from '../../../typings/api';
import type { GrantedRole } from '../../../typings/models';
import type { AnyAction } from './action';
import type { ActionContext, Caller, Deps, UserRecord } from './context';
import { AppError } from './errors';
import { describeIssues, lazySchema } from './validation';

// Built on the first request, like the actions' schemas: after the entry has configured zod (jitless).
const envelopeSchema = lazySchema(() => z.object({
  action: z.string().min(1).max(64),
  payload: z.unknown().optional(),
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
}));

interface RequestRecord {
  openid: string;
  action: string;
  status: 'pending' | 'done';
  at: string;
  /** ISO instant after which a pending claim is taken as abandoned (its call was killed) and may be claimed again. */
  leaseUntil?: string;
  result?: unknown;
}

/**
 * How long a claim holds: longer than the api function may run (60 s, deploy/functions.ts), so a claim whose call is
 * still running is never taken over, while one whose call the platform killed (a timeout, an out-of-memory) frees
 * its request id for the retry about a minute and a half later, instead of answering IN_PROGRESS for ever.
 */
export const REQUEST_LEASE_MS = 90_000;

export type Api = (event: unknown, openid: string | undefined) => Promise<ApiResult<unknown>>;

/** Loads the caller's roles; the first admins come from configuration so a fresh deployment can be set up. */
export async function loadCaller(deps: Deps, openid: string): Promise<Caller> {
  const user = await deps.store.get<UserRecord>('users', openid);
  const roles = new Set<GrantedRole>(user?.roles ?? []);
  if (deps.config.firstAdminOpenids.includes(openid)) roles.add('admin');
  return { openid, name: user?.name ?? '', roles, sectionCode: user?.sectionCode, sectorCode: user?.sectorCode };
}

export const mayCall = (action: AnyAction, caller: Caller): boolean =>
  action.callers === 'anyone' || action.callers.some((role: GrantedRole) => caller.roles.has(role));

/**
 * The one entry for every user action: envelope and payload validated, caller identified from the OPENID the
 * platform vouches for, role checked, a retried request id answered from its first result. Every failure
 * becomes {ok:false, code, message}; nothing internal leaks.
 */
export function createApi(deps: Deps, actions: readonly AnyAction[]): Api {
  const byName = new Map(actions.map((a) => [a.name as string, a]));

  return async (event, openid) => {
    try {
      if (!openid) throw new AppError('UNAUTHENTICATED');
      const envelope = envelopeSchema().safeParse(event);
      if (!envelope.success) throw new AppError('VALIDATION', '请求格式不正确');
      const { action: name, payload, requestId } = envelope.data;
      const action = byName.get(name);
      if (!action) throw new AppError('UNKNOWN_ACTION');
      const parsed = action.schema.safeParse(payload ?? {});
      if (!parsed.success) throw new AppError('VALIDATION', describeIssues(parsed.error));
      // The caller and the settings in force are read side by side (one round trip, not two); the action still runs
      // only after the caller's roles are checked. The settings an admin saved are in force from the next request on.
      const [caller, current] = await Promise.all([loadCaller(deps, openid), withSettings(deps)]);
      if (!mayCall(action, caller)) throw new AppError('FORBIDDEN');
      const callableActions = () => actions.filter((a) => mayCall(a, caller)).map((a) => a.name as string);
      const ctx: ActionContext = { ...current, caller, requestId, now: deps.clock.now(), callableActions };
      if (!action.mutates || !requestId) return { ok: true, data: await action.handle(ctx, parsed.data) };
      return { ok: true, data: await runOnce(deps, ctx, action, requestId, parsed.data) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, code: e.code, message: e.message };
      // No payload or personal data in the log: the action name and the error class are enough to look further.
      console.error('api: unexpected failure', (e as Error)?.name, (e as Error)?.message);
      return { ok: false, code: 'INTERNAL', message: new AppError('INTERNAL').message };
    }
  };
}

/**
 * Claims the request id before acting, so a double tap or a retried network call never applies twice. A claim
 * carries a lease: a retry after the lease ran out takes the claim over (compare-and-set, so only one retry does).
 */
async function runOnce(deps: Deps, ctx: ActionContext, action: AnyAction, requestId: string, payload: unknown): Promise<unknown> {
  const key = createHash('sha256').update(`${ctx.caller.openid}\n${requestId}`).digest('hex');
  const claim: RequestRecord = {
    openid: ctx.caller.openid, action: action.name, status: 'pending', at: ctx.now.toISOString(),
    leaseUntil: new Date(ctx.now.getTime() + REQUEST_LEASE_MS).toISOString(),
  };
  let version = 1;
  if (!(await deps.store.insert('requests', key, claim))) {
    const first = await deps.store.get<RequestRecord>('requests', key);
    if (first && first.action !== action.name) throw new AppError('DUPLICATE', '请求编号已被使用');
    if (first?.status === 'done') return first.result;
    const abandoned = first && first.leaseUntil !== undefined && first.leaseUntil <= claim.at;
    const taken = abandoned ? await deps.store.replace('requests', key, first._version, claim) : null;
    if (taken === null) throw new AppError('IN_PROGRESS');
    version = taken;
  }
  try {
    const result = await action.handle(ctx, payload);
    await deps.store.replace('requests', key, version, { ...claim, status: 'done', result } satisfies RequestRecord);
    return result;
  } catch (e) {
    // A failed attempt changed nothing, so the same request id may try again.
    await deps.store.remove('requests', key);
    throw e;
  }
}
