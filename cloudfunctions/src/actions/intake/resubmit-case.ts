import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, text, version } from '../../api/validation';
import { actOnCase } from '../../application/cases';
import { verifyOwnUploads } from '../../application/intake';
import { materialFileIds } from './application-schema';

/** The applicant supplements what was missing and submits again. */
export const resubmitCase = defineAction({
  name: 'resubmitCase',
  schema: z.strictObject({ caseId: idString, version, materialFileIds, note: text(500).optional() }),
  callers: 'anyone',
  mutates: true,
  handle: (ctx, { materialFileIds: fileIds, note, ...ref }) =>
    actOnCase(ctx, ref, 'resubmitCase', async (c, state) => {
      const known = new Set(c.materials.map((m) => m.fileId));
      const added = (await verifyOwnUploads(ctx, fileIds, ctx.caller.openid)).filter((m) => !known.has(m.fileId));
      return [{ ...c, state, materials: [...c.materials, ...added], submittedAt: ctx.now.toISOString() }, note ? { note } : {}];
    }),
});
