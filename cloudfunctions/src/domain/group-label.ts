import { formatChina } from './china-time';

/** The label every member of a case's inspection group shows (R5): 事项名称-受理时间-申请人姓名. */
export const groupLabel = (matterName: string, acceptedAt: Date | string, applicantName: string): string =>
  `${matterName}-${formatChina(acceptedAt, 'YYYY-MM-DD HH:mm')}-${applicantName}`;
