import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString } from '../../api/validation';
import { authorizeRead } from '../../application/access';
import { caseFileIds } from '../../application/case-files';
import { loadCase } from '../../application/cases';

/** A temporary download link, only for a file of a case the caller has a part in (storage itself is closed to clients). */
export const getFileUrl = defineAction({
  name: 'getFileUrl',
  schema: z.strictObject({ caseId: idString, fileId: z.string().min(8).max(512) }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { caseId, fileId }) {
    const c = await loadCase(ctx, caseId);
    authorizeRead(ctx.caller, c);
    if (!caseFileIds(c).has(fileId)) throw new AppError('NOT_FOUND', '该办件中没有这个文件');
    return { url: await ctx.files.downloadUrl(fileId) };
  },
});
