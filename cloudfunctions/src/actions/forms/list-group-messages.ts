import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, pageQuery } from '../../api/validation';
import { loadCase } from '../../application/cases';
import { authorizeGroup, pageOfMessages } from '../../application/group';

/** Earlier messages of the group, a page at a time counting back from the newest. */
export const listGroupMessages = defineAction({
  name: 'listGroupMessages',
  schema: () => z.strictObject({ caseId: idString(), ...pageQuery() }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { caseId, offset, limit }) {
    const c = await loadCase(ctx, caseId);
    authorizeGroup(ctx, c);
    return pageOfMessages(ctx, c, offset, limit);
  },
});
