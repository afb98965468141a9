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

/** A claim older than this was left by a call the platform killed mid-render; a new call may take it over. */
const CLAIM_LEASE_MS = 2 * 60 * 1000;

interface RenderingClaim {
  caseId: string;
  what: string;
  version: number;
  by: string;
  at: string;
}

/**
 * Claims the rendering of `what` (a form, or its countersignature) at the case version the caller saw, before any
 * rendering: of many concurrent calls on the same version only the first renders, the others are told to wait and
 * leave no file behind (issue 11). Claims are kept: a call that saw the version late must not claim it again.
 */
export async function claimRendering(ctx: ActionContext, caseId: string, version: number, what: string): Promise<void> {
  const id = `${caseId}:${what}:${version}`;
  const claim: RenderingClaim = { caseId, what, version, by: ctx.caller.openid, at: ctx.now.toISOString() };
  if (await ctx.store.insert('renderingClaims', id, claim)) return;
  const held = await ctx.store.get<RenderingClaim>('renderingClaims', id);
  const expired = held && Date.parse(held.at) < ctx.now.getTime() - CLAIM_LEASE_MS;
  if (expired && (await ctx.store.replace('renderingClaims', id, held._version, claim)) !== null) return;
  throw new AppError('IN_PROGRESS', '该表单正在签署，请稍候刷新查看');
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
    caseId,
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
