import * as z from 'zod';
import type { RatingRow } from '../../../../typings/api';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { pageQuery } from '../../api/validation';
import { findInRange } from '../../application/find-all';
import type { CaseRecord } from '../../domain/case';
import { chinaMonthOf, chinaMonthRange } from '../../domain/china-time';
import { monthsBetween } from '../../domain/statistics';
import { matterCode } from '../catalogue/get-matter';
import { month } from '../supervision/schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Ratings and suggestions (R19) of the cases decided in a month range, newest first: an officer reads their
 * section's, supervisors and admins every section's. Counted by the month of decision, as the statistics count them.
 */
export const listRatings = defineAction({
  name: 'listRatings',
  schema: () => z.strictObject({ ...pageQuery(), from: month(), to: month(), matterCode: matterCode().optional(), withSuggestionsOnly: z.boolean().optional() }),
  callers: ['staff', 'supervisor', 'admin'],
  mutates: false,
  async handle(ctx, { from, to, matterCode: matter, withSuggestionsOnly, offset = 0, limit = 20 }) {
    const months = monthsBetween(from, to);
    if (!months.length) throw new AppError('VALIDATION', '起始月份不能晚于结束月份');
    if (months.length > 24) throw new AppError('VALIDATION', '一次最多查看 24 个月');
    const everySection = ctx.caller.roles.has('supervisor') || ctx.caller.roles.has('admin');
    if (!everySection && !ctx.caller.sectionCode) throw new AppError('FORBIDDEN', '您尚未分配到审批科室');
    // A day's margin either side, as for the statistics; the China month decides.
    const start = new Date(chinaMonthRange(from).start.getTime() - DAY_MS).toISOString();
    const end = new Date(chinaMonthRange(to).end.getTime() + DAY_MS).toISOString();
    const decided = (await Promise.all((['remote', 'onsite'] as const).map((mode) => findInRange<CaseRecord>(ctx.store, 'cases', { mode }, 'decidedAt', start, end)))).flat();
    const rated = decided
      .filter((c) => c.rating && months.includes(chinaMonthOf(c.decidedAt!)))
      .filter((c) => (everySection || c.sectionCode === ctx.caller.sectionCode) && (!matter || c.matterCode === matter))
      .filter((c) => !withSuggestionsOnly || !!c.rating!.comment)
      .sort((a, b) => b.rating!.at.localeCompare(a.rating!.at) || a._id.localeCompare(b._id));
    const rows = rated.map((c): RatingRow => ({
      caseId: c._id, number: c.number, matterCode: c.matterCode, matterName: c.matterName, month: chinaMonthOf(c.decidedAt!),
      score: c.rating!.score, ratedAt: c.rating!.at,
      ...(c.rating!.comment ? { suggestions: c.rating!.comment } : {}), ...(c.handlerName ? { handlerName: c.handlerName } : {}),
    }));
    const mean = rows.length ? Math.round((rows.reduce((sum, r) => sum + r.score, 0) / rows.length) * 10) / 10 : null;
    return { items: rows.slice(offset, offset + limit), total: rows.length, offset, limit, mean };
  },
});
