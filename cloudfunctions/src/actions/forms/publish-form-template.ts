import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { text } from '../../api/validation';
import { writeAudit } from '../../application/audit';
import { currentFormTemplate, formTemplateId, keepFormTemplate, type StoredFormTemplate, toFormTemplateView } from '../../application/form-templates';
import { FORM_NAMES, FORM_PLACEHOLDERS, type FormTemplate, placeholdersOf } from '../../catalogue/form-templates';
import { formKind } from './fields';

const KNOWN = new Set<string>(FORM_PLACEHOLDERS);

/**
 * The admin publishes a new version of the consent form or the commitment letter. Published versions are never
 * edited; a case keeps the version it signed. Placeholders are checked now, so a form never fails at signing.
 */
export const publishFormTemplate = defineAction({
  name: 'publishFormTemplate',
  schema: z
    .strictObject({
      kind: formKind,
      title: text(80, 4),
      paragraphs: z.array(text(2000, 2)).min(1, { message: '至少需要一段' }).max(30),
    })
    .refine((t) => placeholdersOf({ ...t, version: 0 }).every((name) => KNOWN.has(name)), {
      message: `只能使用这些填写项：${FORM_PLACEHOLDERS.map((p) => `{{${p}}}`).join('、')}`,
    }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { kind, title, paragraphs }) {
    const current = await currentFormTemplate(ctx.store, kind);
    // The version being superseded is stored too, so it stays what cases signed even if the shipped text changes.
    await keepFormTemplate(ctx, current);
    const next: FormTemplate = { kind, version: current.version + 1, title, paragraphs };
    const record: StoredFormTemplate = { ...next, publishedAt: ctx.now.toISOString(), publishedBy: ctx.caller.openid };
    if (!(await ctx.store.insert('formTemplates', formTemplateId(kind, next.version), record))) {
      throw new AppError('CONFLICT', '该表单刚发布了新版本，请刷新后重试');
    }
    await writeAudit(ctx, `formTemplates/${formTemplateId(kind, next.version)}`, {
      action: 'publishFormTemplate', subject: `formTemplates/${kind}`, note: `${FORM_NAMES[kind]}第${next.version}版`,
    });
    return toFormTemplateView(ctx.store, next);
  },
});
