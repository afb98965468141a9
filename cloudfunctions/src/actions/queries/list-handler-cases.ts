import * as z from 'zod';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { pageOfCases } from '../../application/views';
import { STATE_LABELS } from '../../domain/case-state';

const states = Object.keys(STATE_LABELS) as [keyof typeof STATE_LABELS, ...(keyof typeof STATE_LABELS)[]];

/** The officer's own cases, by state, in order of acceptance time (R11). */
export const listHandlerCases = defineAction({
  name: 'listHandlerCases',
  schema: () => z.strictObject({ ...pageQuery(), state: z.enum(states).optional() }),
  callers: ['staff'],
  mutates: false,
  handle: (ctx, { state, offset, limit }) =>
    pageOfCases(ctx, { handlerId: ctx.caller.openid, ...(state ? { state } : {}) }, [['acceptedAt', 'asc']], offset, limit),
});
