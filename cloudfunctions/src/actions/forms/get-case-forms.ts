import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString } from '../../api/validation';
import { authorizeRead } from '../../application/access';
import { loadCase } from '../../application/cases';
import { currentFormTemplate, signedFormTemplate } from '../../application/form-templates';
import { formStatuses } from '../../application/readiness';
import { formValues } from '../../application/signed-forms';
import { fillTemplate } from '../../catalogue/form-templates';

/** The two forms filled with the case's facts, for reading before signing: the version signed, or the one in force. */
export const getCaseForms = defineAction({
  name: 'getCaseForms',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { caseId }) {
    const c = await loadCase(ctx, caseId);
    authorizeRead(ctx.caller, c);
    if (!c.acceptedAt) throw new AppError('INVALID_STATE', '办件受理后才需签署同意书和承诺书');
    const values = formValues(ctx, c);
    const forms = await Promise.all(
      formStatuses(c).map(async (status) => {
        const template = status.signedVersion
          ? await signedFormTemplate(ctx.store, status.kind, status.signedVersion)
          : await currentFormTemplate(ctx.store, status.kind);
        const { version, title, paragraphs } = fillTemplate(template, values);
        return { ...status, version, title, paragraphs };
      }),
    );
    return { caseId: c._id, caseVersion: c._version, forms };
  },
});
