import * as z from 'zod';
import { lazySchema } from '../../api/validation';
import { defineAction } from '../../api/action';
import { calendarYearView } from '../../application/calendar-years';

export const calendarYear = lazySchema(() => z.number().int().min(2020, { message: '年份须在2020年至2099年之间' }).max(2099, { message: '年份须在2020年至2099年之间' }));

/** The admin reads one year of the working-day calendar, worded as the State Council's notice words it. */
export const getCalendarYear = defineAction({
  name: 'getCalendarYear',
  schema: () => z.strictObject({ year: calendarYear() }),
  callers: ['admin'],
  mutates: false,
  async handle(ctx, { year }) {
    return calendarYearView(ctx, year);
  },
});
