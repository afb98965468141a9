import * as z from 'zod';
import { defineAction } from '../../api/action';
import { unreadOf } from './inbox';

/** The number on the 消息 tab's badge. */
export const unreadCount = defineAction({
  name: 'unreadCount',
  schema: () => z.strictObject({}),
  callers: 'anyone',
  mutates: false,
  handle: async (ctx) => ({ unread: await unreadOf(ctx.store, ctx.caller.openid) }),
});
