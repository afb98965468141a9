import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { FORM_NAMES, MissingFormValueError } from '../catalogue/form-templates';
import type { CaseRecord } from '../domain/case';
import type { FileRemover } from '../ports/file-remover';
import type { Files } from '../ports/files';
import type { ArchiveJob, PdfAnswer, PdfJob, RenderedDocument, SignedFormJob } from '../ports/pdf';
import type { Store } from '../ports/store';
import { type ArchiveInput, type ArchivePicture, renderInspectionArchive } from './archive-pdf';
import { COPY_LABELS } from './copy-labels';
import type { RenderedPdf } from './pdf-flow';
import { renderRegistrationReceipt } from './registration-receipt-pdf';
import { renderSignedForm } from './signed-form-pdf';
import { statisticsXlsx } from './statistics-xlsx';

// The work of the `pdf` cloud function: read a job the api stored in `pdfJobs`, read its files, render, store.

export interface PdfWorkerDeps {
  store: Store;
  files: Files;
  remover: FileRemover;
  now: () => Date;
  /**
   * TrueType bytes of the Chinese font embedded in the PDFs: one that draws every character of `text`, or the full
   * font without it (see ChineseFonts.forText).
   */
  font: (text?: string) => Uint8Array;
}

/** A job as the api stores it, and after rendering the record of the file stored (the job's content dropped). */
export interface PdfJobRecord {
  createdAt: string;
  job?: PdfJob;
  caseId?: string;
  fileId?: string;
  renderedAt?: string;
}

/** Older than this, a rendering its case has not taken up never will be: the api's calls end within a minute. */
export const ORPHAN_AFTER_MS = 15 * 60 * 1000;
const SWEEP_BATCH = 20;

const MAX_PICTURE_BYTES = 10 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 1024 * 1024;
const MAX_FORM_BYTES = 5 * 1024 * 1024;
const JOB_ID = /^[0-9a-f]{32}$/;

class JobFailure extends Error {
  constructor(
    readonly code: 'VALIDATION' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Serves one call `{jobId}`. Anyone can call a cloud function by name, so the call carries nothing but the id of
 * a job only the api can write (the database refuses clients); an unknown id renders nothing.
 */
export async function servePdfJob(deps: PdfWorkerDeps, event: unknown): Promise<PdfAnswer> {
  const jobId = (event as { jobId?: unknown } | null)?.jobId;
  if (typeof jobId !== 'string' || !JOB_ID.test(jobId)) return { ok: false, code: 'VALIDATION', message: '无效的文档任务' };
  const stored = await deps.store.get<PdfJobRecord>('pdfJobs', jobId);
  if (!stored?.job) return { ok: false, code: 'NOT_FOUND', message: '文档任务不存在' };
  const { job } = stored;
  try {
    const document = await runJob(deps, job);
    const record: PdfJobRecord = { createdAt: stored.createdAt, caseId: job.caseId, fileId: document.fileId, renderedAt: deps.now().toISOString() };
    await deps.store.replace('pdfJobs', jobId, stored._version, record);
    await sweepOrphanedRenderings(deps).catch((e: unknown) => console.error('pdf: sweep failed', (e as Error)?.message));
    return { ok: true, document };
  } catch (e) {
    if (e instanceof JobFailure) return { ok: false, code: e.code, message: e.message };
    if (e instanceof MissingFormValueError) return { ok: false, code: 'VALIDATION', message: e.message };
    console.error('pdf: job failed', job.kind, (e as Error)?.name, (e as Error)?.message);
    return { ok: false, code: 'INTERNAL', message: '文档生成失败，请稍后重试' };
  }
}

/**
 * Removes the PDFs whose case never took them up (a signature that lost a race after rendering, a call the platform
 * killed before the case was saved) and forgets the old job entries, a batch at a time: run after each job.
 */
export async function sweepOrphanedRenderings(deps: Pick<PdfWorkerDeps, 'store' | 'remover' | 'now'>): Promise<{ checked: number; removed: number }> {
  const before = new Date(deps.now().getTime() - ORPHAN_AFTER_MS).toISOString();
  const old = await deps.store.find<PdfJobRecord>('pdfJobs', { where: { createdAt: { op: 'lt', value: before } }, orderBy: [['createdAt', 'asc']], limit: SWEEP_BATCH });
  let removed = 0;
  for (const entry of old) {
    if (entry.fileId && !(await takenUp(deps.store, entry.caseId ?? '', entry.fileId))) {
      await deps.remover.remove(entry.fileId);
      removed++;
    }
    await deps.store.remove('pdfJobs', entry._id);
  }
  return { checked: old.length, removed };
}

/** Whether the case refers to the file: a copy of a signed form (the one before countersigning too), its archive or its receipt. */
async function takenUp(store: Store, caseId: string, fileId: string): Promise<boolean> {
  const c = caseId ? await store.get<CaseRecord>('cases', caseId) : null;
  if (!c) return false;
  const forms = Object.values(c.forms ?? {}).flatMap((f) => (f ? [f.applicantCopy.fileId, f.officeCopy.fileId, f.countersign?.officeCopyBefore.fileId] : []));
  return [...forms, c.archive?.fileId, c.registration?.receiptFileId].includes(fileId);
}

async function runJob(deps: PdfWorkerDeps, job: PdfJob): Promise<RenderedDocument> {
  if (job.kind === 'statisticsWorkbook') return store(deps.files, job.pathPrefix, { bytes: await statisticsXlsx(job.report), unsupportedCharacters: [] }, 'xlsx');
  if (job.kind === 'registrationReceipt') return store(deps.files, job.pathPrefix, await withFont(deps, job, (font) => renderRegistrationReceipt(job.receipt, font)), 'pdf');
  const rendered = job.kind === 'signedForm' ? await signedForm(deps, job) : await archive(deps, job);
  return store(deps.files, job.pathPrefix, rendered, 'pdf');
}

/**
 * Renders with the font chosen for the job's own text (the common subset when it draws all of it, which is cheaper
 * to load and shape). Should the renderer's own wording hold a character that font lacks, the document is rendered
 * again with the full font: what prints never depends on the subset, and equal jobs still give equal bytes.
 */
async function withFont(deps: PdfWorkerDeps, job: PdfJob, render: (font: Uint8Array) => Promise<RenderedPdf>): Promise<RenderedPdf> {
  const font = deps.font(JSON.stringify(job));
  const rendered = await render(font);
  if (rendered.unsupportedCharacters.length === 0) return rendered;
  const full = deps.font();
  return full === font ? rendered : render(full);
}

async function signedForm(deps: PdfWorkerDeps, job: SignedFormJob): Promise<RenderedPdf> {
  const signaturePng = await required(deps.files, job.signatureFileId, MAX_SIGNATURE_BYTES, '签名图片已不存在，请重新签名');
  const countersignPng = job.countersignFileId
    ? await required(deps.files, job.countersignFileId, MAX_SIGNATURE_BYTES, '会签签名图片已不存在，请重新签名')
    : undefined;
  return withFont(deps, job, (fontBytes) => renderSignedForm({
    template: job.template, values: job.values, copy: job.copy, signedAt: new Date(job.signedAt), signaturePng,
    ...(countersignPng ? { countersignPng } : {}), fontBytes,
  }));
}

async function archive(deps: PdfWorkerDeps, job: ArchiveJob): Promise<RenderedPdf> {
  const { input } = job;
  const signaturePng = await required(deps.files, input.opinion.signatureFileId, MAX_SIGNATURE_BYTES, '决定所附的签名图片已不存在，无法生成踏勘档案');
  const pictures: ArchivePicture[] = [];
  // Jimp decodes and scales the archive's pictures only: loaded by the first archive, not by every cold start.
  const { printablePicture } = await import('./print-picture');
  for (const { fileId, capturedAt, ...picture } of input.pictures) {
    const stored = await readSmall(deps.files, fileId, MAX_PICTURE_BYTES);
    // Scaled down for print; one damaged upload must not stop the whole archive: a file that cannot be printed is left out.
    const bytes = stored && (await printablePicture(stored));
    if (bytes && (await embeddable(bytes))) pictures.push({ ...picture, bytes, capturedAt: new Date(capturedAt) });
  }
  // The signed forms go in as stored, and only as recorded: a file whose bytes no longer match its hash stops the archive.
  const signedFormPdfs: Buffer[] = [];
  for (const form of input.signedForms) {
    const name = `${FORM_NAMES[form.kind]}（${COPY_LABELS[form.copy]}）`;
    const bytes = await required(deps.files, form.fileId, MAX_FORM_BYTES, `${name}的文件已不存在，无法生成踏勘档案`);
    if (sha256Of(bytes) !== form.sha256) throw new JobFailure('VALIDATION', `${name}的文件与签署时记录的哈希不符，无法生成踏勘档案，请联系管理员核查`);
    signedFormPdfs.push(bytes);
  }
  const full: ArchiveInput = {
    ...input,
    acceptedAt: new Date(input.acceptedAt),
    decidedAt: new Date(input.decidedAt),
    opinion: { text: input.opinion.text, signaturePng, signedAt: new Date(input.opinion.signedAt) },
    observerRemarks: input.observerRemarks.map((m) => ({ ...m, at: new Date(m.at) })),
    pictures,
    evidence: input.evidence.map((e) => ({ ...e, storedAt: new Date(e.storedAt) })),
    signedForms: input.signedForms.map(({ fileId: _, ...f }) => ({ ...f, signedAt: new Date(f.signedAt) })),
    generatedAt: new Date(input.generatedAt),
  };
  return withFont(deps, job, (font) => renderInspectionArchive(full, font, signedFormPdfs));
}

/** Stores the bytes under a name made of their own hash (no random names: what is stored says what it holds). */
async function store(files: Files, pathPrefix: string, { bytes, unsupportedCharacters }: RenderedPdf, suffix: 'pdf' | 'xlsx'): Promise<RenderedDocument> {
  const sha256 = sha256Of(bytes);
  const stored = await files.put(`${pathPrefix}-${sha256.slice(0, 16)}.${suffix}`, Buffer.from(bytes));
  return { fileId: stored.fileId, sha256, size: stored.size, unsupportedCharacters };
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function required(files: Files, fileId: string, maxBytes: number, missing: string): Promise<Buffer> {
  const bytes = await readSmall(files, fileId, maxBytes);
  if (!bytes) throw new JobFailure('NOT_FOUND', missing);
  return bytes;
}

/**
 * The file's bytes, or null when it is missing or larger than `maxBytes`. Read without asking its size first: one
 * link and one download instead of two of each (cold starts pay every round trip); a failed read asks whether the
 * file exists, to tell a missing file from a failure.
 */
async function readSmall(files: Files, fileId: string, maxBytes: number): Promise<Buffer | null> {
  let stream: Readable;
  try {
    stream = await files.read(fileId);
  } catch (e) {
    if (await files.stat(fileId)) throw e;
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Whether the bytes are a PNG or JPEG pdf-lib can embed. */
async function embeddable(bytes: Buffer): Promise<boolean> {
  const probe = await PDFDocument.create();
  const own = new Uint8Array(bytes);
  try {
    await (own[0] === 0x89 ? probe.embedPng(own) : probe.embedJpg(own));
    return true;
  } catch {
    return false;
  }
}
