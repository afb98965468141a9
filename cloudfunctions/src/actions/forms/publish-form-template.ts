import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { writeAudit } from '../../application/audit';
import { currentFormTemplate, formTemplateId, keepFormTemplate, type StoredFormTemplate, toFormTemplateView } from '../../application/form-templates';
import { templateParagraphs, templateTextFields } from '../../application/template-text';
import { FORM_NAMES, type FormTemplate } from '../../catalogue/form-templates';
import { formKind } from './fields';

/**
 * The admin publishes a new version of the consent form or the commitment letter. Published versions are never
 * edited; a case keeps the version it signed. Placeholders are checked now, so a form never fails at signing. A long
 * text comes as an uploaded file, not in the call.
 */
export const publishFormTemplate = defineAction({
  name: 'publishFormTemplate',
  schema: () => z.strictObject({ kind: formKind(), ...templateTextFields() }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { kind, ...draft }) {
    const { title } = draft;
    const paragraphs = await templateParagraphs(ctx, draft);
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
