import type { ClaimsActions } from './claims';
import type { AdminActions } from './admin';
import type { CoreActions } from './core';
import type { FormsActions } from './forms';
import type { InspectionActions } from './inspection';
import type { NotificationsActions } from './notifications';
import type { SupervisionActions } from './supervision';

export * from './claims';
export * from './admin';
export * from './core';
export * from './forms';
export * from './inspection';
export * from './notifications';
export * from './supervision';

/** Every action of the `api` cloud function: name → request payload and response data. */
export interface ApiActions extends CoreActions, FormsActions, InspectionActions, SupervisionActions, NotificationsActions, ClaimsActions, AdminActions {}

export type ActionName = keyof ApiActions;
export type ActionRequest<A extends ActionName> = ApiActions[A]['req'];
export type ActionResponse<A extends ActionName> = ApiActions[A]['res'];

/** The event the `api` function receives. */
export interface ApiEvent<A extends ActionName = ActionName> {
  action: A;
  payload: ActionRequest<A>;
  /** Client-generated id; a retried call with the same id returns the first result and changes nothing. */
  requestId?: string;
}

export type ErrorCode =
  | 'VALIDATION'
  | 'UNKNOWN_ACTION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'REMOTE_NOT_ALLOWED'
  | 'BLACKLISTED'
  | 'DUPLICATE'
  | 'IN_PROGRESS'
  | 'LIMIT'
  | 'MEETING_FAILED'
  | 'INTERNAL';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };
