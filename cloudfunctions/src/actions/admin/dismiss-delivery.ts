import * as z from 'zod';
import { defineAction } from '../../api/action';
import { text } from '../../api/validation';
import { handleFailedDelivery } from '../../application/failed-delivery';

/** The admin closes a failed subscription message with a note (e.g. told by phone); the recipient's inbox keeps it. */
export const dismissDelivery = defineAction({
  name: 'dismissDelivery',
  schema: () => z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_:./@-]{1,200}$/, { message: '格式不正确' }), note: text(200, 2) }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { id, note }) {
    await handleFailedDelivery(ctx, id, 'dismiss', note);
    return { id, status: 'dismissed' as const };
  },
});
