import * as z from 'zod';
import { defineAction } from '../../api/action';
import type { ActionContext } from '../../api/context';
import { templateParagraphs, templateTextFields } from '../../application/template-text';
import type { FormValues } from '../../catalogue/form-templates';
import { formKind } from '../forms/fields';

/** The facts a preview is filled with: plainly samples, so a preview is never mistaken for a case's form. */
const SAMPLE: Omit<FormValues, 'officeName' | 'district'> = {
  companyName: '（示例）天津某某物业服务有限公司', creditCode: '91120110MA05K7QX3X', applicantName: '（示例）张三',
  matterName: '（示例）二次供水单位卫生许可', premisesAddress: '（示例）天津市东丽区某某路1号', caseNumber: 'DL-示例-0001',
};

/** A blank 1×1 PNG where the applicant's signature will be. */
const BLANK_SIGNATURE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

/** The blank signature a preview is rendered with (the pdf function reads pictures from storage): 70 bytes. */
async function blankSignature(ctx: ActionContext): Promise<string> {
  return (await ctx.files.put(`previews/${ctx.caller.openid}/blank-${ctx.ids.randomHex(8)}.png`, BLANK_SIGNATURE)).fileId;
}

/**
 * The admin sees a draft form as the PDF an applicant would sign, filled with sample facts; the PDF is stored
 * under the admin's preview folder and handed out by a temporary link. Nothing is published.
 */
export const previewFormTemplate = defineAction({
  name: 'previewFormTemplate',
  schema: () => z.strictObject({ kind: formKind(), ...templateTextFields() }),
  callers: ['admin'],
  mutates: false,
  async handle(ctx, { kind, ...draft }) {
    const paragraphs = await templateParagraphs(ctx, draft);
    const values: FormValues = { ...SAMPLE, officeName: ctx.config.officeName, district: ctx.config.district };
    const document = await ctx.pdf.render({
      kind: 'signedForm', caseId: `preview-${ctx.caller.openid}`, pathPrefix: `previews/${ctx.caller.openid}/${kind}`,
      template: { kind, version: 0, title: draft.title, paragraphs }, values, copy: 'applicant',
      signedAt: ctx.now.toISOString(), signatureFileId: await blankSignature(ctx),
    });
    return { url: await ctx.files.downloadUrl(document.fileId), unsupportedCharacters: document.unsupportedCharacters };
  },
});
