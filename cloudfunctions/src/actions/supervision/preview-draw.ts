import { defineAction } from '../../api/action';
import { previewMonthlyDraw } from '../../application/monthly-draw';
import { monthRef } from './schemas';

/** The population, minimum sample and allocation of a closed month, without drawing or storing anything (R7). */
export const previewDraw = defineAction({
  name: 'previewDraw',
  schema: () => monthRef(),
  callers: ['supervisor'],
  mutates: false,
  handle: (ctx, { month }) => previewMonthlyDraw(ctx, month),
});
