import type { FormKind } from '../../../typings/models';

/** A rendered PDF as stored: its SHA-256 is computed by the cloud from the bytes it wrote. */
export interface StoredPdf {
  fileId: string;
  sha256: string;
  size: number;
}

/** One signed form of a case (R6): the template version signed and both copies (一式两份). */
export interface SignedForm {
  templateVersion: number;
  signedAt: string;
  signatureFileId: string;
  applicantCopy: StoredPdf;
  /** The office's copy; once countersigned, the countersigned rendering. */
  officeCopy: StoredPdf;
  countersign?: {
    byId: string;
    byName: string;
    at: string;
    signatureFileId: string;
    /** The office copy as the applicant signed it, kept so its recorded hash still verifies. */
    officeCopyBefore: StoredPdf;
  };
}

export type SignedForms = Partial<Record<FormKind, SignedForm>>;

export const FORM_KINDS: readonly FormKind[] = ['consent', 'commitment'];

export const bothSigned = (forms: SignedForms | undefined): boolean => FORM_KINDS.every((k) => forms?.[k] !== undefined);
