import type { AnyAction } from '../../api/action';

/** The inspection actions. */
export const INSPECTION_ACTIONS: readonly AnyAction[] = [];
