import * as z from 'zod';
import type { BlacklistEntryView } from '../../../../typings/models';
import { defineAction } from '../../api/action';
import { pageQuery } from '../../api/validation';
import { type ListingRecord, toListingView } from '../../application/credit';
import { pageOf } from '../../application/find-all';

/** The blacklist 失信黑名单, latest listing first; only the listings not lifted when asked. */
export const listBlacklist = defineAction({
  name: 'listBlacklist',
  schema: () => z.strictObject({ ...pageQuery(), activeOnly: z.boolean().optional() }),
  callers: ['supervisor'],
  mutates: false,
  handle: (ctx, { activeOnly, ...page }) =>
    pageOf<ListingRecord, BlacklistEntryView>(
      ctx.store, 'blacklist', activeOnly ? { active: true } : {}, [['listedAt', 'desc'], ['_id', 'asc']], page, (e) => toListingView(e, ctx.now),
    ),
});
