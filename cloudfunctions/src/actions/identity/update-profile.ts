import * as z from 'zod';
import { defineAction } from '../../api/action';
import { phone, text } from '../../api/validation';
import { saveUser } from './save-user';
import { toUserView } from './user-view';

/** Anyone keeps their own name and phone; roles are untouched. */
export const updateProfile = defineAction({
  name: 'updateProfile',
  schema: () => z.strictObject({ name: text(30), phone: phone().optional() }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { name, phone: newPhone }) {
    const saved = await saveUser(
      ctx, ctx.caller.openid,
      (before) => ({ createdAt: ctx.now.toISOString(), roles: [], ...before, name, ...(newPhone ? { phone: newPhone } : {}) }),
      'updateProfile',
    );
    return toUserView(saved);
  },
});
