import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString } from '../../api/validation';
import { handOutLink } from '../../application/file-access';
import { caseFor } from '../../application/inspection';

/** A temporary link to the archive PDF for the applicant of the case, the office, supervisors and the sector's regulator (R13, R15). */
export const getArchive = defineAction({
  name: 'getArchive',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { caseId }) {
    const { c, relation } = await caseFor(ctx, caseId, 'getArchive');
    const a = c.archive!;
    return {
      fileName: a.fileName, sha256: a.sha256, size: a.size, generatedAt: a.generatedAt,
      ...(a.chainHead ? { chainHead: a.chainHead.entryHash } : {}),
      downloadUrl: await handOutLink(ctx, c, relation, { fileId: a.fileId, name: a.fileName, kind: 'archive' }),
    };
  },
});
