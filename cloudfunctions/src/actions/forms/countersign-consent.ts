import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, version } from '../../api/validation';
import { relationTo } from '../../application/access';
import { loadCase } from '../../application/cases';
import { signedFormTemplate } from '../../application/form-templates';
import { changeCase, toReadinessView } from '../../application/readiness';
import { claimRendering, formValues, readOwnSignature, readSignaturePng, renderAndStoreCopy } from '../../application/signed-forms';
import { fileId } from './fields';

/**
 * The handler countersigns the office's copy of the consent form: it is rendered again, from the version the
 * applicant signed, with both signatures, and its new hash recorded; the copy as first signed stays on record.
 * Countersigning again changes nothing.
 */
export const countersignConsent = defineAction({
  name: 'countersignConsent',
  schema: () => z.strictObject({ caseId: idString(), version: version(), signatureFileId: fileId() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { signatureFileId, ...ref }) {
    const c = await loadCase(ctx, ref.caseId);
    if (relationTo(ctx.caller, c).handler && c.forms?.consent?.countersign) return toReadinessView(ctx, c);
    const saved = await changeCase(ctx, c, ref.version, 'countersignConsent', async (c) => {
      const consent = c.forms!.consent!;
      await readOwnSignature(ctx, signatureFileId);
      // The applicant's stored signature must still be a whole PNG (checked here; the pdf function reads it again).
      await readSignaturePng(ctx, consent.signatureFileId);
      await claimRendering(ctx, c._id, c._version, 'consent-countersign');
      const officeCopy = await renderAndStoreCopy(ctx, c._id, 'office', {
        template: await signedFormTemplate(ctx.store, 'consent', consent.templateVersion),
        values: formValues(ctx, c),
        signatureFileId: consent.signatureFileId,
        signedAt: new Date(consent.signedAt),
        countersignFileId: signatureFileId,
      });
      const countersign = { byId: ctx.caller.openid, byName: ctx.caller.name, at: ctx.now.toISOString(), signatureFileId, officeCopyBefore: consent.officeCopy };
      return [
        { ...c, forms: { ...c.forms, consent: { ...consent, officeCopy, countersign } } },
        { note: `同意书存档联会签后 SHA-256 ${officeCopy.sha256}` },
      ];
    });
    return toReadinessView(ctx, saved);
  },
});
