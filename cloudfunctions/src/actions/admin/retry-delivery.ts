import * as z from 'zod';
import { defineAction } from '../../api/action';
import { handleFailedDelivery } from '../../application/failed-delivery';

/** The admin sends a failed subscription message again (e.g. after fixing a template id): the next delivery run sends it. */
export const retryDelivery = defineAction({
  name: 'retryDelivery',
  schema: () => z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_:./@-]{1,200}$/, { message: '格式不正确' }) }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { id }) {
    await handleFailedDelivery(ctx, id, 'retry');
    return { id, status: 'pending' as const };
  },
});
