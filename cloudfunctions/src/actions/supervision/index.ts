import type { AnyAction } from '../../api/action';

/** The supervision actions. */
export const SUPERVISION_ACTIONS: readonly AnyAction[] = [];
