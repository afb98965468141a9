import { defineAction } from '../../api/action';
import { verifyStoredDraw } from '../../application/monthly-draw';
import { monthRef } from './schemas';

/** Recomputes a stored draw and names every mismatch with the record, the current cases or the chain (R7). */
export const verifyDraw = defineAction({
  name: 'verifyDraw',
  schema: () => monthRef(),
  callers: ['supervisor'],
  mutates: false,
  handle: (ctx, { month }) => verifyStoredDraw(ctx, month),
});
