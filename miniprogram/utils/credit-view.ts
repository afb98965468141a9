import type { BlacklistEntryView } from '../../typings/models';
import { formatChinaDate } from './china-time';

// How a blacklist listing 失信黑名单 reads, for the applicant's credit page and the supervisors' list alike.

export const SUBJECT_LABELS: Record<BlacklistEntryView['subjectType'], string> = { company: '企业', person: '个人', phone: '个人' };

/** The listing period; a listing without an end lasts until credit repair lifts it. */
export const listingPeriod = (e: BlacklistEntryView): string =>
  `${formatChinaDate(e.listedAt)} 至 ${e.until ? formatChinaDate(e.until) : '信用修复解除之日'}`;
