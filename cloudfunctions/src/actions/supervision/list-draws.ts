import * as z from 'zod';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { pageOf } from '../../application/find-all';
import { toDrawSummary } from '../../application/monthly-draw';

/** The draws, latest month first. */
export const listDraws = defineAction({
  name: 'listDraws',
  schema: () => z.strictObject(pageQuery()),
  callers: ['supervisor'],
  mutates: false,
  handle: (ctx, page) => pageOf(ctx.store, 'draws', {}, [['month', 'desc']], page, toDrawSummary),
});
