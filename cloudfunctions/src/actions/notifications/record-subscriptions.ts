import * as z from 'zod';
import { lazySchema } from '../../api/validation';
import type { SubscribeTemplateKey } from '../../../../typings/models';
import { defineAction } from '../../api/action';
import { TEMPLATE_KEYS } from '../../catalogue/message-catalogue';
import { recordAnswers, subscribedKeys } from '../../application/subscriptions';

const templateKeys = lazySchema(() => z.array(z.enum(TEMPLATE_KEYS as [SubscribeTemplateKey, ...SubscribeTemplateKey[]], { message: '未知的消息模板' })).max(TEMPLATE_KEYS.length));

/**
 * What the caller answered to wx.requestSubscribeMessage, by template key. Each acceptance of a one-time template
 * allows one more message; a refusal stops them until the next acceptance.
 */
export const recordSubscriptions = defineAction({
  name: 'recordSubscriptions',
  schema: () => z.strictObject({ accepted: templateKeys(), rejected: templateKeys() }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, answer) {
    const templates = ctx.config.notifications.templates;
    const record = await recordAnswers(ctx.store, ctx.caller.openid, templates, answer, ctx.now.toISOString());
    return { subscribed: subscribedKeys(record, templates) };
  },
});
