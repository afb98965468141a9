import * as z from 'zod';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { pageOfCases } from '../../application/views';

/** The applicant's own cases, newest first. */
export const listMyCases = defineAction({
  name: 'listMyCases',
  schema: () => z.strictObject(pageQuery()),
  callers: 'anyone',
  mutates: false,
  handle: (ctx, { offset, limit }) =>
    pageOfCases(ctx, { applicantId: ctx.caller.openid }, [['submittedAt', 'desc']], offset, limit),
});
