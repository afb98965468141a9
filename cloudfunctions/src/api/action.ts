import type * as z from 'zod';
import type { ActionName, ActionRequest, ActionResponse } from '../../../typings/api';
import type { GrantedRole } from '../../../typings/models';
import type { ActionContext } from './context';

/**
 * Who may call an action at all: 'anyone' is every WeChat user (applicants are not granted a role);
 * otherwise one of the granted roles. Per-case rules (own case, handler only …) are checked in the handler.
 */
export type Callers = 'anyone' | readonly GrantedRole[];

export interface Action<A extends ActionName> {
  name: A;
  /** The compiler checks the schema's output against the contract in typings/. */
  readonly schema: z.ZodType<ActionRequest<A>>;
  callers: Callers;
  /** Changes state: guarded by the request id, so a retried call returns the first result. */
  mutates: boolean;
  handle(ctx: ActionContext, payload: ActionRequest<A>): Promise<ActionResponse<A>>;
}

/**
 * An action as its file writes it: the schema is built on the action's first call, not when the function loads.
 * A cold start serves one action, and building every action's zod schema up front costs more than the call.
 */
export interface ActionDefinition<A extends ActionName> extends Omit<Action<A>, 'schema'> {
  schema: () => z.ZodType<ActionRequest<A>>;
}

export const defineAction = <A extends ActionName>({ schema: build, ...action }: ActionDefinition<A>): Action<A> => {
  let schema: z.ZodType<ActionRequest<A>> | undefined;
  return {
    ...action,
    get schema() {
      return (schema ??= build());
    },
  };
};

// Any action, for the registry: the handler's types are enforced where each action is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = Action<any>;
