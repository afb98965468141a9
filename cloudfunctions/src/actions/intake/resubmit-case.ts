import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, text, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { freezeUploads } from '../../application/frozen-files';
import { verifyOwnUploads } from '../../application/intake';
import { materialFileIds } from './application-schema';

/** The applicant supplements what was missing and submits again. */
export const resubmitCase = defineAction({
  name: 'resubmitCase',
  schema: () => z.strictObject({ caseId: idString(), version: version(), materialFileIds: materialFileIds(), note: text(500).optional() }),
  callers: 'anyone',
  mutates: true,
  handle: (ctx, { materialFileIds: fileIds, note, ...ref }) =>
    actOnCase(ctx, ref, 'resubmitCase', async (c, state) => {
      // Each file as it is now, copied into the case's folder: an upload sent again after being overwritten is new.
      const added = await freezeUploads(ctx, c._id, 'materials', await verifyOwnUploads(ctx, fileIds, ctx.caller.openid));
      return [{ ...c, state, materials: [...c.materials, ...added], submittedAt: ctx.now.toISOString() }, note ? { note } : {}];
    }),
});
