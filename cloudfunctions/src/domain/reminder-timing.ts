// When a reminder is due, as pure functions of the times involved (China's calendar and clock).

import { inChina } from './china-time';
import { type HolidayCalendar, workingDaysBetween } from './working-days';

/** How long before a meeting its reminders go out: the day before, and the hour before. */
export const MEETING_LEADS = [
  { label: 'day', ms: 24 * 60 * 60 * 1000 },
  { label: 'hour', ms: 60 * 60 * 1000 },
] as const;
type MeetingLead = (typeof MEETING_LEADS)[number]['label'];

/**
 * The reminder a meeting starting at `start` is due for now: the shortest lead that already covers the time left.
 * A meeting booked 30 minutes ahead gets only the hour's reminder, not both at once; none once it has started.
 */
export function meetingReminderDue(start: Date, now: Date): MeetingLead | null {
  const left = start.getTime() - now.getTime();
  if (left <= 0) return null;
  const covering = MEETING_LEADS.filter((lead) => left <= lead.ms);
  return covering.length ? covering[covering.length - 1]!.label : null;
}

/** Reminders that can wait are sent between 08:00 and 20:00 China time, not in the night. */
export const isDaytimeInChina = (now: Date): boolean => {
  const hour = inChina(now).hour();
  return hour >= 8 && hour < 20;
};

/** A request left unanswered since `since` is overdue once the next working day has begun. */
export const unansweredForAWorkingDay = (since: Date, now: Date, cal: HolidayCalendar): boolean => workingDaysBetween(since, now, cal) >= 1;

/** A deadline (end of its last working day) is close on the working day before it, and on the day itself. */
export const deadlineWithinAWorkingDay = (deadline: Date, now: Date, cal: HolidayCalendar): boolean =>
  deadline > now && workingDaysBetween(now, deadline, cal) <= 1;
