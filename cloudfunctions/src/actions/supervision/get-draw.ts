import { defineAction } from '../../api/action';
import { loadDraw, toDrawView } from '../../application/monthly-draw';
import { monthRef } from './schemas';

/** A month's draw: the full record an auditor recomputes, and the drawn cases with their follow-up status. */
export const getDraw = defineAction({
  name: 'getDraw',
  schema: monthRef,
  callers: ['supervisor'],
  mutates: false,
  handle: async (ctx, { month }) => toDrawView(ctx.store, await loadDraw(ctx.store, month)),
});
