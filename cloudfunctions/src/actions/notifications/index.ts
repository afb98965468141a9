import type { AnyAction } from '../../api/action';

/** The notifications actions. */
export const NOTIFICATIONS_ACTIONS: readonly AnyAction[] = [];
