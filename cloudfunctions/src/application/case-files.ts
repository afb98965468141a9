import type { CaseRecord } from '../domain/case';

/**
 * Every file id a case refers to, so a link is handed out only for a file of a case the caller may read.
 * Areas that attach files to the case record add them here.
 */
export const caseFileIds = (c: CaseRecord): Set<string> => new Set(c.materials.map((m) => m.fileId));
