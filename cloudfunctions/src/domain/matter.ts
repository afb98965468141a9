import type { ChecklistItem } from '../../../typings/models';

/** A matter 事项 of the catalogue (R2, R16). The checklist is versioned in its own collection. */
export interface Matter {
  code: string;
  name: string;
  sectionCode: string;
  sectionName: string;
  /** The sector regulator 行业监管部门 that receives completed cases (R15). */
  sectorCode: string;
  regulatorName: string;
  legalBasis: string[];
  remoteAllowed: boolean;
  /** What the applicant has ready in front of the camera. */
  preparation: string[];
  /** The version new cases are accepted under. */
  checklistVersion: number;
}

/** One published version of a matter's inspection standard 踏勘标准; never changed once published. */
export interface Checklist {
  matterCode: string;
  version: number;
  items: ChecklistItem[];
  publishedAt: string;
  publishedBy: string;
  /** What this version changed, as the admin published it. */
  note?: string;
}

export const checklistId = (matterCode: string, version: number): string => `${matterCode}@${version}`;
