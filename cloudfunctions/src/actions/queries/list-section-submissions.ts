import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { pageQuery } from '../../api/validation';
import { pageOfCases } from '../../application/views';

/** Submissions of the caller's section waiting for an officer to take them up, oldest first. */
export const listSectionSubmissions = defineAction({
  name: 'listSectionSubmissions',
  schema: () => z.strictObject(pageQuery()),
  callers: ['staff', 'sectionHead'],
  mutates: false,
  handle: (ctx, { offset, limit }) => {
    if (!ctx.caller.sectionCode) throw new AppError('FORBIDDEN', '您尚未分配到审批科室');
    return pageOfCases(ctx, { sectionCode: ctx.caller.sectionCode, state: 'submitted' }, [['submittedAt', 'asc']], offset, limit);
  },
});
