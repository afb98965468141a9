import type { NotificationsActions } from '../../../typings/api';
import type { ActionScenario } from './core';

/** Authorization-matrix rows of the notifications actions: how to call each, and who may. */
export const NOTIFICATIONS_SCENARIOS: { [A in keyof NotificationsActions]: ActionScenario<A> } = {};
