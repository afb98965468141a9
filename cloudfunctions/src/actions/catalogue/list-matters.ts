import * as z from 'zod';
import { defineAction } from '../../api/action';
import { toMatterSummary } from '../../application/catalogue';
import type { Matter } from '../../domain/matter';

/** The matter catalogue 事项目录, remote-allowed first. */
export const listMatters = defineAction({
  name: 'listMatters',
  schema: () => z.strictObject({ remoteOnly: z.boolean().optional() }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { remoteOnly }) {
    const matters = await ctx.store.find<Matter>('matters', { ...(remoteOnly ? { where: { remoteAllowed: true } } : {}), limit: 500 });
    return matters
      .sort((a, b) => Number(b.remoteAllowed) - Number(a.remoteAllowed) || a.code.localeCompare(b.code))
      .map(toMatterSummary);
  },
});
