import type { FormCopy, StatisticsReport } from '../../../typings/models';
import type { FormTemplate, FormValues } from '../catalogue/form-templates';
import type { ArchiveInput } from '../render/archive-pdf';

// PDF rendering lives in its own cloud function (`pdf`, with the Chinese font and pdf-lib), so the `api` function
// stays small and starts fast. The api hands it a job; files travel as file ids (a call's payload stays small),
// dates as ISO strings. The pdf function reads the inputs from storage, renders, stores the PDF under a path named
// after its own SHA-256 (the same job gives the same bytes, so a repeated job finds its file already there) and
// answers the stored file.

/** One copy of a signed form (R6). */
export interface SignedFormJob {
  kind: 'signedForm';
  /** The case the PDF belongs to: the sweep removes a rendering its case never took up. */
  caseId: string;
  /** The stored PDF's path without the suffix: `<pathPrefix>-<first 16 hex of its SHA-256>.pdf`. */
  pathPrefix: string;
  template: FormTemplate;
  values: FormValues;
  copy: FormCopy;
  signedAt: string;
  signatureFileId: string;
  countersignFileId?: string;
}

type Jsonified<T> = T extends Date ? string : T extends Uint8Array ? never : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

/** A picture of the archive, read from storage by the pdf function (scaled down before embedding). */
export interface ArchivePictureRef extends Omit<Jsonified<ArchiveInput['pictures'][number]>, 'bytes'> {
  fileId: string;
}

/** The inspection archive (R13): everything the renderer prints, with the files it embeds by id. */
export interface ArchiveJob {
  kind: 'archive';
  caseId: string;
  pathPrefix: string;
  input: Omit<Jsonified<ArchiveInput>, 'pictures' | 'opinion' | 'signedForms'> & {
    opinion: { text: string; signatureFileId: string; signedAt: string };
    pictures: ArchivePictureRef[];
    /** Each copy of each signed form; its stored PDF is appended after its hash is checked. */
    signedForms: (Jsonified<ArchiveInput['signedForms'][number]> & { fileId: string })[];
  };
}

/** The statistics of a month range as an .xlsx workbook (wx.openDocument opens it on the phone; CSV it does not). */
export interface StatisticsWorkbookJob {
  kind: 'statisticsWorkbook';
  /** No case: the sweep removes the export once its temporary link has long run out. */
  caseId: string;
  pathPrefix: string;
  report: StatisticsReport;
}

/**
 * The receipt of a counter or e-mail registration (R9), printed for the applicant. It carries the plain claim code,
 * which the api keeps only as a hash: the receipt is rendered when the code is issued (or re-issued) and its file
 * is the only place the code stays readable.
 */
export interface RegistrationReceiptJob {
  kind: 'registrationReceipt';
  caseId: string;
  pathPrefix: string;
  receipt: {
    caseNumber: string;
    matterName: string;
    companyName: string;
    channelLabel: string;
    receivedAt: string;
    officeName: string;
    /** As printed, grouped for reading aloud. */
    claimCode: string;
    claimExpiresAt: string;
    /** The claim link the QR code opens, when one is configured. */
    claimLink?: string;
    /** When this receipt replaces an earlier one (the code was re-issued). */
    reissuedAt?: string;
  };
}

export type PdfJob = SignedFormJob | ArchiveJob | StatisticsWorkbookJob | RegistrationReceiptJob;

/** A rendered PDF as stored: the SHA-256 is of the very bytes stored. */
export interface RenderedDocument {
  fileId: string;
  sha256: string;
  size: number;
  /** Distinct characters the font has no glyph for, printed as '□'. */
  unsupportedCharacters: string[];
}

/** What the pdf function answers; a failure carries the code and message the action reports. */
export type PdfAnswer = { ok: true; document: RenderedDocument } | { ok: false; code: 'VALIDATION' | 'NOT_FOUND' | 'INTERNAL'; message: string };

/** The way from an action to the pdf function. */
export interface PdfRenderer {
  render(job: PdfJob): Promise<RenderedDocument>;
}
