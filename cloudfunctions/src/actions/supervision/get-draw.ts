import * as z from 'zod';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { loadDraw, toDrawView } from '../../application/monthly-draw';
import { month } from './schemas';

/**
 * A month's draw: the record's hashes, seed and allocation, and one page of either the drawn cases with their
 * follow-up status (the default) or the frozen population an auditor recomputes from; the page asks for more as
 * the supervisor scrolls.
 */
export const getDraw = defineAction({
  name: 'getDraw',
  schema: () => z.strictObject({
    month: month(),
    list: z.enum(['selected', 'population'], { message: '名单应为抽中的办件或总体名单' }).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: pageQuery().limit,
  }),
  callers: ['supervisor'],
  mutates: false,
  handle: async (ctx, { month, ...page }) => toDrawView(ctx.store, await loadDraw(ctx.store, month), page),
});
