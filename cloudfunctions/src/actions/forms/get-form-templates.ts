import * as z from 'zod';
import { defineAction } from '../../api/action';
import { currentFormTemplate, toFormTemplateView } from '../../application/form-templates';
import { FORM_KINDS } from '../../domain/signed-form';

/** The admin reads the form texts in force before editing one. */
export const getFormTemplates = defineAction({
  name: 'getFormTemplates',
  schema: () => z.strictObject({}),
  callers: ['admin'],
  mutates: false,
  handle: (ctx) => Promise.all(FORM_KINDS.map(async (kind) => toFormTemplateView(ctx.store, await currentFormTemplate(ctx.store, kind)))),
});
