import { defineAction } from '../../api/action';
import { runMonthlyDraw, toDrawView } from '../../application/monthly-draw';
import { monthRef } from './schemas';

/** Draws a closed month the timer missed; a month already drawn answers its stored record and draws nothing (R7). */
export const runDraw = defineAction({
  name: 'runDraw',
  schema: () => monthRef(),
  callers: ['supervisor'],
  mutates: true,
  async handle(ctx, { month }) {
    const { created, draw } = await runMonthlyDraw(ctx, month, 'supervisor');
    return { created, draw: await toDrawView(ctx.store, draw) };
  },
});
