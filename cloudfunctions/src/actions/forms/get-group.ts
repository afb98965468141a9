import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString } from '../../api/validation';
import { loadCase } from '../../application/cases';
import { authorizeGroup, toGroupView } from '../../application/group';

/** The inspection group page: timeline, messages, preparation list, meeting card and the operation manual. */
export const getGroup = defineAction({
  name: 'getGroup',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { caseId }) {
    const c = await loadCase(ctx, caseId);
    authorizeGroup(ctx, c);
    return toGroupView(ctx, c);
  },
});
