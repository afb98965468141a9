import * as z from 'zod';
import type { FormCopy, SignedCopyView } from '../../../../typings/models';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString } from '../../api/validation';
import { authorizeRead } from '../../application/access';
import { loadCase } from '../../application/cases';
import { FORM_NAMES } from '../../catalogue/form-templates';
import { FORM_KINDS } from '../../domain/signed-form';
import { COPY_LABELS } from '../../render/copy-labels';

/**
 * Download links for the caller's copies of the signed forms (一式两份): the applicant gets theirs, to open on the
 * phone; the office's own people (handler, section, supervisors, admin) get the office's.
 */
export const getSignedFormCopies = defineAction({
  name: 'getSignedFormCopies',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: 'anyone',
  mutates: false,
  async handle(ctx, { caseId }) {
    const c = await loadCase(ctx, caseId);
    const r = authorizeRead(ctx.caller, c);
    const copy: FormCopy | null = r.applicant ? 'applicant' : r.handler || r.sectionStaff || r.sectionHead || r.supervisor || r.admin ? 'office' : null;
    if (!copy) throw new AppError('FORBIDDEN', '您无权查看签署的表单');
    const copies: SignedCopyView[] = [];
    for (const kind of FORM_KINDS) {
      const form = c.forms?.[kind];
      if (!form) continue;
      const pdf = copy === 'applicant' ? form.applicantCopy : form.officeCopy;
      copies.push({
        kind, name: FORM_NAMES[kind], copy, copyLabel: COPY_LABELS[copy], version: form.templateVersion, signedAt: form.signedAt,
        countersigned: copy === 'office' && !!form.countersign, sha256: pdf.sha256, size: pdf.size, url: await ctx.files.downloadUrl(pdf.fileId),
      });
    }
    return copies;
  },
});
