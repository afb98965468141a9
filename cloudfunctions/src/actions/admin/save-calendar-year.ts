import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { lazySchema, text } from '../../api/validation';
import type { CalendarYearRecord } from '../../adapters/store-calendar';
import { writeAudit } from '../../application/audit';
import { calendarYearView, deadlinesMovedBy, festivalsOf } from '../../application/calendar-years';
import { recordRecounts } from '../../application/deadline-recounts';
import { holidayYearProblem } from '../../domain/holiday-year';
import { calendarYear } from './get-calendar-year';

const day = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }));

/**
 * The admin enters a year's holidays and 调休 from the State Council's notice. First without `confirm`: nothing is
 * saved, and the answer lists the issued deadlines the new days would move. Issued deadlines keep their dates:
 * on confirm each is noted on its case and its handler decides (settleRecountedDeadline); every count made
 * afterwards uses the year as entered.
 */
export const saveCalendarYear = defineAction({
  name: 'saveCalendarYear',
  schema: () => z.strictObject({
    year: calendarYear(),
    version: z.number().int().min(0).max(1_000_000_000),
    source: text(120, 4),
    festivals: z.array(z.strictObject({ name: text(20), from: day(), to: day(), workdays: z.array(day()).max(6) })).min(1).max(12),
    confirm: z.boolean(),
  }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { year, version, source, festivals: input, confirm }) {
    const festivals = festivalsOf(input);
    const problem = holidayYearProblem(year, festivals);
    if (problem) throw new AppError('VALIDATION', problem);
    const movedAt = await deadlinesMovedBy(ctx, { year, festivals, provisional: false, source });
    const moved = movedAt.map(({ followUpId: _visit, findingId: _finding, ...m }) => m);
    if (!confirm) return { saved: false, moved, year: await calendarYearView(ctx, year) };
    const record: CalendarYearRecord = { year, festivals, source, updatedAt: ctx.now.toISOString(), updatedBy: ctx.caller.openid, updatedByName: ctx.caller.name };
    const saved = version === 0
      ? ((await ctx.store.insert('calendarYears', String(year), record)) ? 1 : null)
      : await ctx.store.replace('calendarYears', String(year), version, record);
    if (saved === null) throw new AppError('CONFLICT', '该年度的节假日安排刚被他人修改，请刷新后重试');
    await writeAudit(ctx, `calendarYears/${year}:${saved}`, {
      action: 'saveCalendarYear', subject: `calendarYears/${year}`,
      note: `${source}；${festivals.map((f) => `${f.name} ${f.from}至${f.to}${f.workdays.length ? `，${f.workdays.join('、')}上班` : ''}`).join('；')}${moved.length ? `；已发出的${moved.length}个期限保持不变，待经办人决定` : ''}`,
    });
    await recordRecounts(ctx, year, movedAt);
    return { saved: true, moved, year: await calendarYearView(ctx, year) };
  },
});
