import type { SupervisionActions } from '../../../typings/api';
import type { ActionScenario } from './core';

/** Authorization-matrix rows of the supervision actions: how to call each, and who may. */
export const SUPERVISION_SCENARIOS: { [A in keyof SupervisionActions]: ActionScenario<A> } = {};
