import type { FindingKind, FindingSeverity, FollowUpStatus } from '../../../typings/models';

// The choices a supervisor or regulator makes about a finding, in the cloud's words (domain/credit-finding.ts).

export const KIND_OPTIONS: Array<{ value: FindingKind; label: string }> = [
  { value: 'falseAddress', label: '虚报地址' },
  { value: 'falseMaterials', label: '提交虚假资料' },
  { value: 'evasion', label: '故意逃避或隐瞒实际情况' },
];

export const SEVERITY_OPTIONS: Array<{ value: FindingSeverity; label: string; hint: string }> = [
  { value: 'minor', label: '轻微', hint: '记入诚信档案，可责令限期改正，不列入失信黑名单' },
  { value: 'serious', label: '严重', hint: '可列入失信黑名单' },
  { value: 'grave', label: '特别严重', hint: '可列入失信黑名单，可撤销行政许可' },
];

/** DrawnCase carries the status without its label. */
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = { open: '待回访', consistent: '与申报一致', finding: '发现问题' };

/** The blacklist is for serious dishonesty only: the cloud refuses it for a minor finding, the form says so first. */
export const mayBlacklist = (severity: FindingSeverity): boolean => severity !== 'minor';

export const MINOR_NO_BLACKLIST = '轻微问题不列入失信黑名单，可记入诚信档案或责令限期改正';
