import type { ActionContext, Deps } from '../api/context';

/** The actor of what a timer does on its own: audit entries name it, and it may call no user action. */
export const SYSTEM_ACTOR = { openid: 'system', name: '系统定时任务' } as const;

/** The context of a timer-triggered function: no OPENID, no roles, the deployment's own clock. */
export const systemContext = (deps: Deps): ActionContext => ({
  ...deps,
  caller: { ...SYSTEM_ACTOR, roles: new Set() },
  now: deps.clock.now(),
  callableActions: () => [],
});
