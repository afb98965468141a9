import type { InspectionMode, Role } from '../../typings/models';

export const ROLE_LABELS: Record<Role, string> = {
  applicant: '申请人',
  staff: '审批工作人员',
  sectionHead: '科长',
  supervisor: '政策法规科',
  regulator: '行业监管部门',
  admin: '系统管理员',
};

export const MODE_LABELS: Record<InspectionMode, string> = { remote: '远程视频踏勘', onsite: '现场踏勘' };

/** 1.5 GB, 1.2 MB, 340 KB, 12 B. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The Chinese message to show for any failure. */
export function errorText(err: unknown, fallback = '操作失败，请稍后重试'): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /[\u4e00-\u9fa5]/.test(message) ? message : fallback;
}

/** The error code of an ApiError, if any. */
export const errorCode = (err: unknown): string | undefined => (err as { code?: string } | null)?.code;
