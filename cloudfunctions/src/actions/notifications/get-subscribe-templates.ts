import * as z from 'zod';
import type { SubscribeMoment } from '../../../../typings/models';
import { defineAction } from '../../api/action';
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_MOMENTS, TEMPLATES } from '../../catalogue/message-catalogue';

const MOMENTS = Object.keys(SUBSCRIBE_MOMENTS) as [SubscribeMoment, ...SubscribeMoment[]];

/**
 * The template ids to ask for at one moment, those this environment configures. One request may not mix one-time
 * and long-term templates (WeChat refuses it), so the kind of the moment's most important template decides.
 */
export const getSubscribeTemplates = defineAction({
  name: 'getSubscribeTemplates',
  schema: () => z.strictObject({ moment: z.enum(MOMENTS, { message: '未知的订阅时机' }) }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { moment }) {
    const configured = ctx.config.notifications.templates;
    const keys = SUBSCRIBE_MOMENTS[moment].filter((key) => configured[key]);
    const longTerm = keys.length > 0 && configured[keys[0]!]!.longTerm;
    return {
      templates: keys
        .filter((key) => configured[key]!.longTerm === longTerm)
        .slice(0, MAX_TEMPLATES_PER_REQUEST)
        .map((key) => ({ key, id: configured[key]!.id, title: TEMPLATES[key].title })),
    };
  },
});
