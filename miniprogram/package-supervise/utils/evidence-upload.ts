import { uploadOwnFile } from '../../services/upload/upload-own-file';
import { type UploadItem, type Uploader, uploadsError } from '../../utils/material-uploads';

/** Evidence of a finding goes up as the caller's own 'evidence' file: the cloud attaches only the caller's uploads. */
export const uploadEvidence: Uploader = (file, onProgress) => uploadOwnFile('evidence', file, onProgress);

/** The cloud takes at most this many evidence files per finding (actions/supervision/schemas.ts). */
const MAX_EVIDENCE = 20;

/** '' when the evidence (optional) is all uploaded and within the limit; else what is wrong. */
export const evidenceError = (items: UploadItem[]): string =>
  uploadsError(items, false) || (items.length > MAX_EVIDENCE ? `证据材料最多 ${MAX_EVIDENCE} 份` : '');
