import * as z from 'zod';
import { defineAction } from '../../api/action';
import { writeAudit } from '../../application/audit';
import { PILOT_MATTERS } from '../../catalogue/pilot-matters';
import { type Checklist, checklistId, type Matter } from '../../domain/matter';

/** A fresh deployment starts with the pilot matters of R2; running it again installs only what is missing. */
export const installPilotMatters = defineAction({
  name: 'installPilotMatters',
  schema: () => z.strictObject({}),
  callers: ['admin'],
  mutates: true,
  async handle(ctx) {
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
