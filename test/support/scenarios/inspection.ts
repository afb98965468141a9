import type { InspectionActions } from '../../../typings/api';
import type { ActionScenario } from './core';

/** Authorization-matrix rows of the inspection actions: how to call each, and who may. */
export const INSPECTION_SCENARIOS: { [A in keyof InspectionActions]: ActionScenario<A> } = {};
