import type { InspectionMode } from '../../../typings/models';

// The two ways a case is inspected (R1): wording follows the case's mode wherever a text names the inspection.

export const MODE_NAMES: Record<InspectionMode, string> = { remote: '远程视频踏勘', onsite: '现场踏勘' };

/** A text written for the remote path (…视频踏勘…), as it reads for a case of `mode`. */
export const inModeWords = (mode: InspectionMode, text: string): string =>
  mode === 'onsite' ? text.replace(/远程视频踏勘|视频踏勘/g, '现场踏勘') : text;
