import type { TimeSlot } from '../../../typings/models';
import { chinaDateOf } from '../domain/china-time';
import type { Calendar } from '../ports/calendar';

/** Whether a date marked provisional when issued, counted over `dates`, still is; years are read once per request. */
export type ProvisionalCheck = (marked: boolean | undefined, ...dates: string[]) => Promise<boolean>;

/**
 * A date is marked provisional in its record when it is issued; the pages say so only while a year it was counted
 * through still has no notice entered. Once the admin enters it the date stands as issued (a date the notice would
 * move waits for its handler: application/deadline-recounts.ts). A year the calendar cannot give keeps the mark.
 */
export function provisionalCheck(calendar: Calendar): ProvisionalCheck {
  const years = new Map<number, Promise<boolean>>();
  const provisional = (year: number): Promise<boolean> => {
    if (!years.has(year)) years.set(year, calendar.year(year).then((y) => y.provisional, () => true));
    return years.get(year)!;
  };
  return async (marked, ...dates) => {
    if (!marked) return false;
    const spanned = dates.map((d) => Number(chinaDateOf(d).slice(0, 4)));
    for (let year = Math.min(...spanned); year <= Math.max(...spanned); year++) if (await provisional(year)) return true;
    return false;
  };
}

/** The slots with the mark kept only where their day's year is still without its notice. */
export const slotsAsTheyStand = (slots: TimeSlot[], check: ProvisionalCheck): Promise<TimeSlot[]> =>
  Promise.all(slots.map(async ({ provisional, ...slot }) => ((await check(provisional, slot.start)) ? { ...slot, provisional: true } : slot)));
