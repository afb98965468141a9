import type { FormCopy, FormKind } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import { type FormTemplate, type FormValues, MissingFormValueError, fillTemplate } from '../catalogue/form-templates';
import type { CaseRecord } from '../domain/case';
import type { StoredPdf } from '../domain/signed-form';
import { verifyOwnUploads } from './intake';

const MAX_SIGNATURE_BYTES = 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from('IEND', 'latin1');

/** The facts a form is filled with: the office from configuration (another district deploys the same code), the rest from the case. */
export const formValues = (ctx: ActionContext, c: CaseRecord): FormValues => ({
  officeName: ctx.config.officeName,
  district: ctx.config.district,
  companyName: c.company.name,
  creditCode: c.company.creditCode,
  applicantName: c.applicantName,
  matterName: c.matterName,
  premisesAddress: c.premises.address,
  caseNumber: c.number,
});

/** A whole PNG: its signature, the header chunk first and the end chunk last (a cut-off upload fails here, not in the renderer). */
const isWholePng = (bytes: Buffer): boolean =>
  bytes.length > 33 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR' &&
  bytes.subarray(bytes.length - 8, bytes.length - 4).equals(PNG_END);

const signatureTooLarge = (): AppError => new AppError('VALIDATION', '签名图片不能超过1MB，请重新签名');

/** A stored signature image, read whole (it is small): a complete PNG of at most 1 MB. */
export async function readSignaturePng(ctx: ActionContext, fileId: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await ctx.files.read(fileId)) {
    size += (chunk as Buffer).length;
    if (size > MAX_SIGNATURE_BYTES) throw signatureTooLarge();
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  if (!isWholePng(bytes)) throw new AppError('VALIDATION', '签名须为完整的PNG图片，请重新签名');
  return bytes;
}

/** The caller's own uploaded signature image (R6: only the signer's own upload can sign). */
export async function readOwnSignature(ctx: ActionContext, fileId: string): Promise<Buffer> {
  const [upload] = await verifyOwnUploads(ctx, [fileId], ctx.caller.openid);
  if (upload!.size > MAX_SIGNATURE_BYTES) throw signatureTooLarge();
  return readSignaturePng(ctx, fileId);
}

export interface FormRendering {
  template: FormTemplate;
  values: FormValues;
  signatureFileId: string;
  signedAt: Date;
  countersignFileId?: string;
}

/**
 * Renders one copy of a signed form in the pdf function, which stores it under the case's folder; the SHA-256 is
 * of the very bytes stored. A missing value fails here, before any rendering.
 */
export async function renderAndStoreCopy(ctx: ActionContext, caseId: string, copy: FormCopy, form: FormRendering): Promise<StoredPdf> {
  try {
    fillTemplate(form.template, form.values);
  } catch (e) {
    if (e instanceof MissingFormValueError) throw new AppError('VALIDATION', e.message);
    throw e;
  }
  const kind: FormKind = form.template.kind;
  const { fileId, sha256, size } = await ctx.pdf.render({
    kind: 'signedForm',
    pathPrefix: `cases/${caseId}/forms/${kind}-v${form.template.version}-${copy}`,
    template: form.template,
    values: form.values,
    copy,
    signedAt: form.signedAt.toISOString(),
    signatureFileId: form.signatureFileId,
    ...(form.countersignFileId ? { countersignFileId: form.countersignFileId } : {}),
  });
  return { fileId, sha256, size };
}
