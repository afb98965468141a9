import type { ActionName } from '../../../typings/api';
import { CLAIMS_SCENARIOS } from './claims';
import type { StatePart } from '../state-snapshot';
import { ADMIN_SCENARIOS } from './admin';
import { ALL, type ActionScenario, CORE_SCENARIOS } from './core';
import { FORMS_SCENARIOS } from './forms';
import { INSPECTION_SCENARIOS } from './inspection';
import { NOTIFICATIONS_SCENARIOS } from './notifications';
import { SUPERVISION_SCENARIOS } from './supervision';

export { cases, ref, snapshot } from './core';
export const EVERYONE = ALL;

/** Every action's row of the authorization matrix; the compiler insists every action has one. */
export const SCENARIOS: { [A in ActionName]: ActionScenario<A> } = {
  ...CORE_SCENARIOS, ...FORMS_SCENARIOS, ...INSPECTION_SCENARIOS, ...SUPERVISION_SCENARIOS, ...NOTIFICATIONS_SCENARIOS,
  ...CLAIMS_SCENARIOS,
  ...ADMIN_SCENARIOS,
};

/** The parts of the state an allowed call of `action` by `who` changes, as its row declares them; sorted. */
export function declaredWrites(action: ActionName, who: string): StatePart[] {
  const { writes = [] } = SCENARIOS[action];
  return [...(typeof writes === 'function' ? writes(who) : writes)].sort();
}
