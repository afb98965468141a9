import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, version } from '../../api/validation';
import { archiveAndPush } from '../../application/archive';
import { caseFor, toInspectionView } from '../../application/inspection';

/** The handler or an admin makes the archive and pushes the case, when that failed right after the decision (R13, R15). */
export const archiveCase = defineAction({
  name: 'archiveCase',
  schema: () => z.strictObject({ caseId: idString(), version: version() }),
  callers: ['staff', 'admin'],
  mutates: true,
  async handle(ctx, { caseId, version: seen }) {
    const { c } = await caseFor(ctx, caseId, 'archiveCase', seen);
    return toInspectionView(ctx, await archiveAndPush(ctx, c));
  },
});
