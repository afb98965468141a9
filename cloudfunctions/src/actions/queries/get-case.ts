import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString } from '../../api/validation';
import { authorizeRead } from '../../application/access';
import { loadCase } from '../../application/cases';
import { toCaseView } from '../../application/views';

/** One case with its timeline, for whoever has a part in it. */
export const getCase = defineAction({
  name: 'getCase',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { caseId }) {
    const c = await loadCase(ctx, caseId);
    authorizeRead(ctx.caller, c);
    return toCaseView(ctx, c);
  },
});
