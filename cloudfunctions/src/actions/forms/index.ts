import type { AnyAction } from '../../api/action';

/** The forms actions. */
export const FORMS_ACTIONS: readonly AnyAction[] = [];
