import * as z from 'zod';
import { lazySchema } from '../../api/validation';
import { defineAction } from '../../api/action';
import { loadMatter, toMatterView } from '../../application/catalogue';

const matterCode = lazySchema(() => z.string().regex(/^[A-Z0-9-]{3,32}$/, { message: '事项编码格式不正确' }));

/** One matter with its current checklist and the applicant's preparation list. */
export const getMatter = defineAction({
  name: 'getMatter',
  schema: () => z.strictObject({ code: matterCode() }),
  callers: 'anyone',
  mutates: false,
  handle: async (ctx, { code }) => toMatterView(ctx, await loadMatter(ctx, code)),
});

export { matterCode };
