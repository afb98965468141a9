import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString } from '../../api/validation';
import { authorizeRead } from '../../application/access';
import { loadCase } from '../../application/cases';
import { caseFilesFor, handOutLink } from '../../application/file-access';

/**
 * The one way a page reads a case file: a short-lived link, only for a file of a case the caller has a part in
 * (storage itself is closed to clients), recorded in the case's access log (R13).
 */
export const getFileUrl = defineAction({
  name: 'getFileUrl',
  schema: () => z.strictObject({ caseId: idString(), fileId: z.string().min(8).max(512) }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { caseId, fileId }) {
    const c = await loadCase(ctx, caseId);
    const relation = authorizeRead(ctx.caller, c);
    const file = (await caseFilesFor(ctx, c, relation)).get(fileId);
    if (!file) throw new AppError('NOT_FOUND', '该办件中没有这个文件');
    return { url: await handOutLink(ctx, c, relation, file) };
  },
});
