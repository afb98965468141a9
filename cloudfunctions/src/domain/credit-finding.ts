// Findings of the supervision (R8, R15) and their credit consequences: the kinds of dishonesty, how grave they
// are, and what a decision may impose. Pure rules and labels; the application layer stores and notifies.

import type { FindingKind, FindingSeverity, FollowUpStatus } from '../../../typings/models';
import { addChinaMonths } from './china-time';

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  falseAddress: '虚报地址',
  falseMaterials: '提交虚假资料',
  evasion: '故意逃避或隐瞒实际情况',
};

export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  minor: '轻微',
  serious: '严重',
  grave: '特别严重',
};

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  open: '待回访',
  consistent: '与申报一致',
  finding: '发现问题',
};

export const FINDING_SOURCE_LABELS = { followUp: '监督回访', regulator: '行业监管部门报告' } as const;

export type CreditMeasure = 'creditFile' | 'correction' | 'revocation' | 'blacklist';

export const MEASURE_LABELS: Record<CreditMeasure, string> = {
  creditFile: '记入诚信档案',
  correction: '责令限期改正',
  revocation: '撤销行政许可',
  blacklist: '列入失信黑名单',
};

/** The blacklist is for serious dishonesty only (R8); a minor finding stays in the credit file. */
export const mayBlacklist = (severity: FindingSeverity): boolean => severity !== 'minor';

/** End of a listing period: the same China wall-clock time `months` later (31 Jan + 1 month → end of February). */
export const listingEnd = (listedAt: Date, months: number): Date => addChinaMonths(listedAt, months);
