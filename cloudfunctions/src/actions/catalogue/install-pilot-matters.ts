import * as z from 'zod';
import { defineAction } from '../../api/action';
import { writeAudit } from '../../application/audit';
import { type Checklist, checklistId, type Matter } from '../../domain/matter';

/**
 * A fresh deployment starts with the pilot matters of R2; running it again installs only what is missing. The
 * catalogue is read when installing, not when the api loads: in the built function it is a JSON file beside the
 * bundle (scripts/build.mjs), so its 27 KB are neither compiled on every cold start nor counted in the bundle.
 */
export const installPilotMatters = defineAction({
  name: 'installPilotMatters',
  schema: () => z.strictObject({}),
  callers: ['admin'],
  mutates: true,
  async handle(ctx) {
    const { PILOT_MATTERS } = require('../../catalogue/pilot-matters') as typeof import('../../catalogue/pilot-matters');
    const installed: string[] = [];
    for (const { matter, checklist } of PILOT_MATTERS) {
      const first: Checklist = { matterCode: matter.code, version: 1, items: checklist, publishedAt: ctx.now.toISOString(), publishedBy: ctx.caller.openid };
      await ctx.store.insert('checklists', checklistId(matter.code, 1), first);
      if (await ctx.store.insert<Matter>('matters', matter.code, { ...matter, checklistVersion: 1 })) {
        await writeAudit(ctx, `matters/${matter.code}:1`, { action: 'installPilotMatters', subject: `matters/${matter.code}` });
        installed.push(matter.code);
      }
    }
    return { installed };
  },
});
