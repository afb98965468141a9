import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString } from '../../api/validation';
import { readableCase, toInspectionView } from '../../application/inspection';

/** The inspection of a case for whoever has a part in it, each seeing what their part allows. */
export const getInspection = defineAction({
  name: 'getInspection',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: 'anyone',
  mutates: false,
  handle: async (ctx, { caseId }) => toInspectionView(ctx, await readableCase(ctx, caseId)),
});
