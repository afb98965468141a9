import * as z from 'zod';
import { defineAction } from '../../api/action';
import type { UserRecord } from '../../api/context';
import { MAX_QUERY_LIMIT } from '../../ports/store';
import { toUserView } from '../identity/user-view';

/**
 * The supervisors 政策法规科人员 a supervisor may send as observer (R17). The store cannot query inside the `roles`
 * array and `users` has no index for it, so the (small) table is read whole, up to the store's limit, and filtered.
 */
export const listSupervisors = defineAction({
  name: 'listSupervisors',
  schema: () => z.strictObject({}),
  callers: ['supervisor'],
  mutates: false,
  async handle(ctx) {
    const users = await ctx.store.find<UserRecord>('users', { limit: MAX_QUERY_LIMIT });
    return users.filter((u) => u.roles.includes('supervisor')).map(toUserView);
  },
});
