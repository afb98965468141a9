import * as z from 'zod';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { readyQueue } from '../../application/scheduling';

/** The officer's cases ready for scheduling, in order of acceptance (R11), with where each one stands. */
export const getReadyQueue = defineAction({
  name: 'getReadyQueue',
  schema: () => z.strictObject({ ...pageQuery() }),
  callers: ['staff'],
  mutates: false,
  handle: (ctx, { offset, limit }) => readyQueue(ctx, offset, limit),
});
