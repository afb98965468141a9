import * as z from 'zod';
import type { Role } from '../../../../typings/models';
import { defineAction } from '../../api/action';

/** Who the caller is and what they may do, so the Mini Program shows only the tabs and buttons that apply. */
export const whoami = defineAction({
  name: 'whoami',
  schema: () => z.strictObject({}),
  callers: 'anyone',
  mutates: false,
  async handle(ctx) {
    const { caller } = ctx;
    return {
      openid: caller.openid,
      name: caller.name,
      roles: ['applicant', ...caller.roles] as Role[],
      ...(caller.sectionCode ? { sectionCode: caller.sectionCode } : {}),
      ...(caller.sectorCode ? { sectorCode: caller.sectorCode } : {}),
      actions: ctx.callableActions(),
      localMode: ctx.config.localMode,
    };
  },
});
