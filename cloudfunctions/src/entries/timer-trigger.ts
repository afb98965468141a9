// What CloudBase passes to a timer-triggered function: `{ Type: 'Timer', TriggerName, Time }`, with no OPENID.
// A Mini Program user can send any event (even one that looks like a timer's), but always carries an OPENID; so a
// timer is the event of this function's own trigger (the name in its config.json) and no caller.

/** Trigger names, as in each function's config.json (a test checks they agree). */
export const TIMER_TRIGGERS = { 'monthly-draw': 'monthly', reminders: 'every-five-minutes' } as const;

export type TimerFunction = keyof typeof TIMER_TRIGGERS;

/** The event the local runtime fires, as CloudBase would. */
export const timerEvent = (fn: TimerFunction, at: Date): { Type: 'Timer'; TriggerName: string; Time: string } => ({
  Type: 'Timer', TriggerName: TIMER_TRIGGERS[fn], Time: at.toISOString(),
});

/** True only for this function's own timer: the trigger's event and no caller. */
export function isOwnTimer(fn: TimerFunction, event: unknown, openid: string | undefined): boolean {
  if (openid) return false;
  if (typeof event !== 'object' || event === null) return false;
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown };
  return Type === 'Timer' && TriggerName === TIMER_TRIGGERS[fn];
}
