import * as z from 'zod';
import type { RoleChangeView } from '../../../../typings/api';
import { defineAction } from '../../api/action';
import { idString, pageQuery } from '../../api/validation';
import { pageOf } from '../../application/find-all';
import type { RoleChangeRecord } from '../../application/roles';
import type { Stored } from '../../ports/store';

const toView = (c: Stored<RoleChangeRecord>): RoleChangeView => ({
  at: c.at, byName: c.byName, before: c.before, after: c.after, reason: c.reason,
  ...(c.sectionCode ? { sectionCode: c.sectionCode } : {}), ...(c.sectorCode ? { sectorCode: c.sectorCode } : {}),
});

/** The admin reads the history of one person's roles, newest first. */
export const listRoleChanges = defineAction({
  name: 'listRoleChanges',
  schema: () => z.strictObject({ ...pageQuery(), openid: idString() }),
  callers: ['admin'],
  mutates: false,
  async handle(ctx, { openid, ...page }) {
    return pageOf(ctx.store, 'roleChanges', { openid }, [['at', 'desc']], page, toView);
  },
});
