import { chinaMonthOf, chinaMonthRange, chinaTime } from '../domain/china-time';

// The local runtime fires the timer functions as CloudBase would; their crons are read in China time.

/** setTimeout waits at most 2³¹−1 ms (about 24.8 days); longer waits are taken in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The next 02:00 China time on the 1st of a month, strictly after `now` (config.json `0 0 2 1 * * *`). */
export function nextMonthlyDrawAt(now: Date): Date {
  const month = chinaMonthOf(now);
  const thisMonth = chinaTime(`${month}-01 02:00`);
  return thisMonth > now ? thisMonth : chinaTime(`${chinaMonthOf(chinaMonthRange(month).end)}-01 02:00`);
}

/** The next five-minute mark, when the `reminders` timer fires (every fifth minute, second 0): the same in every zone. */
export const nextFiveMinuteMarkAt = (now: Date): Date => new Date((Math.floor(now.getTime() / FIVE_MINUTES_MS) + 1) * FIVE_MINUTES_MS);
const FIVE_MINUTES_MS = 5 * 60 * 1000;

/** Runs `run` at every time `next` names, for as long as the process lives. */
export function runOnSchedule(next: (now: Date) => Date, run: () => Promise<unknown>): void {
  const arm = (at: Date): void => {
    const wait = at.getTime() - Date.now();
    if (wait > MAX_TIMEOUT_MS) {
      setTimeout(() => arm(at), MAX_TIMEOUT_MS).unref();
      return;
    }
    setTimeout(() => {
      run()
        .catch((e) => console.error('timer failed:', (e as Error)?.message))
        .finally(() => arm(next(new Date())));
    }, Math.max(0, wait)).unref();
  };
  arm(next(new Date()));
}
