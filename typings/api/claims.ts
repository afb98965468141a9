import type { CaseView } from '../models';
import type { ApplicationInput, CaseRef } from './core';

/** An application brought to the counter 窗口 or received by e-mail 电子邮箱 (R9), as the officer registers it. */
export interface RegistrationInput extends ApplicationInput {
  channel: 'counter' | 'email';
  /** When the office received it (the e-mail's date, or the counter visit), ISO; not in the future. */
  receivedAt: string;
  /** For an e-mail: its sender address and subject, as received. */
  email?: { from: string; subject: string };
  /** Where to send the claim code when the application came by e-mail. */
  applicantEmail?: string;
  /** The materials the officer scanned or saved from the e-mail and uploaded (requestUpload, purpose material). */
  materialFileIds: string[];
}

/** The one-time code the applicant enters (or scans) in WeChat to take over a registered case. */
export interface ClaimTicket {
  /** As printed: XXXX-XXXX. The case keeps only its hash; a retried request answers the same code. */
  code: string;
  expiresAt: string;
  /** The Mini Program page that claims with this code. */
  path: string;
  /** The link the QR code holds (scanned in WeChat it opens the claim page), where the office registered one. */
  link?: string;
  /** The QR code of `link`, a GIF data URL for the receipt. */
  qrDataUrl?: string;
}

/** What the officer prints for the applicant: the case and its claim code. */
export interface RegistrationReceipt {
  case: CaseView;
  claim: ClaimTicket;
  /** When and how the office received it, as printed on the receipt. */
  receivedAt: string;
}

/** Registration at the counter or from an e-mail, and the applicant's claim (issue 12). */
export interface ClaimsActions {
  /** Staff: a new claim code for a case nobody has claimed yet; the previous code stops working. */
  reissueClaimCode: { req: CaseRef; res: ClaimTicket };
  /** Applicant: bind a registered case to their WeChat account with the claim code and what only they know. */
  claimCase: { req: { code: string; creditCode: string; phoneTail: string }; res: CaseView };
  /** Staff of the section: a temporary link to the receipt PDF rendered when the claim code was (re-)issued. */
  getRegistrationReceipt: { req: { caseId: string }; res: ReceiptLink };
}

/** The printable receipt: a temporary link to its PDF and the name to show. */
export interface ReceiptLink {
  fileName: string;
  downloadUrl: string;
}
