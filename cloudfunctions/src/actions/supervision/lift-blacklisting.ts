import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, reasonText, version } from '../../api/validation';
import { liftListing, toListingView } from '../../application/credit';

/** Credit repair 信用修复: the supervisor lifts a listing with the reason; remote inspection is open again. */
export const liftBlacklisting = defineAction({
  name: 'liftBlacklisting',
  schema: () => z.strictObject({ entryId: idString(), version: version(), reason: reasonText() }),
  callers: ['supervisor'],
  mutates: true,
  handle: async (ctx, { entryId, version: seen, reason }) => toListingView(await liftListing(ctx, entryId, seen, reason), ctx.now),
});
