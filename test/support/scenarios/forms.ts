import type { FormsActions } from '../../../typings/api';
import type { ActionScenario } from './core';

/** Authorization-matrix rows of the forms actions: how to call each, and who may. */
export const FORMS_SCENARIOS: { [A in keyof FormsActions]: ActionScenario<A> } = {};
