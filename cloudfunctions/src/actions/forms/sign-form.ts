import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, version } from '../../api/validation';
import { relationTo } from '../../application/access';
import { loadCase } from '../../application/cases';
import { currentFormTemplate, keepFormTemplate } from '../../application/form-templates';
import { noticeToStaff } from '../../application/notices';
import { changeCase, toReadinessView } from '../../application/readiness';
import { claimRendering, formValues, readOwnSignature, renderAndStoreCopy } from '../../application/signed-forms';
import { FORM_NAMES } from '../../catalogue/form-templates';
import { nextState } from '../../domain/case-state';
import { bothSigned, type SignedForms } from '../../domain/signed-form';
import { fileId, formKind } from './fields';

/**
 * The applicant signs one form with the signature image they uploaded (R6). The cloud renders both copies
 * (一式两份) as PDFs with real Chinese text, stores them and records each one's SHA-256 and the template version.
 * With both forms signed the case is signed, and ready at once if the applicant has already opened the group.
 * Signing a form again changes nothing and answers the case as it is; of concurrent calls only the first renders.
 */
export const signForm = defineAction({
  name: 'signForm',
  schema: () => z.strictObject({ caseId: idString(), version: version(), kind: formKind(), templateVersion: version(), signatureFileId: fileId() }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { kind, templateVersion, signatureFileId, ...ref }) {
    const c = await loadCase(ctx, ref.caseId);
    if (relationTo(ctx.caller, c).applicant && c.forms?.[kind]) return toReadinessView(ctx, c);
    const saved = await changeCase(ctx, c, ref.version, 'signForm', async (c) => {
      const template = await currentFormTemplate(ctx.store, kind);
      if (template.version !== templateVersion) throw new AppError('CONFLICT', `${FORM_NAMES[kind]}已更新为第${template.version}版，请重新阅读后签署`);
      await readOwnSignature(ctx, signatureFileId);
      await claimRendering(ctx, c._id, c._version, kind);
      const form = { template, values: formValues(ctx, c), signatureFileId, signedAt: ctx.now };
      const applicantCopy = await renderAndStoreCopy(ctx, c._id, 'applicant', form);
      const officeCopy = await renderAndStoreCopy(ctx, c._id, 'office', form);
      await keepFormTemplate(ctx, template);
      const forms: SignedForms = {
        ...c.forms,
        [kind]: { templateVersion: template.version, signedAt: ctx.now.toISOString(), signatureFileId, applicantCopy, officeCopy },
      };
      const signed = bothSigned(forms) ? nextState(c.state, 'signBoth')! : c.state;
      const state = signed === 'signed' && c.groupOpenedAt ? nextState(signed, 'joinGroup')! : signed;
      return [
        { ...c, forms, state },
        {
          note: `${FORM_NAMES[kind]}（第${template.version}版）SHA-256 申请人联 ${applicantCopy.sha256}，存档联 ${officeCopy.sha256}`,
          notices: state !== c.state && c.handlerId
            ? [noticeToStaff(c, c.handlerId, 'formsSigned', `${c.company.name}${state === 'ready' ? '，已进入待预约队列' : '，待申请人进入踏勘群'}`)]
            : [],
        },
      ];
    });
    return toReadinessView(ctx, saved);
  },
});
