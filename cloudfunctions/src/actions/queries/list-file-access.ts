import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString } from '../../api/validation';
import { authorizeRead } from '../../application/access';
import { loadCase } from '../../application/cases';
import { fileAccessOf } from '../../application/file-access';

/** Who opened the case's files and when (R13): the applicant for their materials and recordings, the office all. */
export const listFileAccess = defineAction({
  name: 'listFileAccess',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { caseId }) {
    const c = await loadCase(ctx, caseId);
    return fileAccessOf(ctx, c, authorizeRead(ctx.caller, c));
  },
});
