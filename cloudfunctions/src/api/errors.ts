import type { ErrorCode } from '../../../typings/api';

/** What the user reads when an action fails with this code and no more specific message. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '提交的信息有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '无法识别您的身份，请重新进入小程序',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '未找到相关记录',
  CONFLICT: '该办件刚被他人修改，请刷新后重试',
  INVALID_STATE: '办件当前状态不允许此操作',
  REMOTE_NOT_ALLOWED: '该事项暂不支持远程视频踏勘，请选择现场踏勘',
  BLACKLISTED: '申请主体已被列入失信黑名单，不能选择远程视频踏勘',
  DUPLICATE: '请勿重复提交',
  IN_PROGRESS: '上一次提交仍在处理中，请稍候',
  LIMIT: '已超出允许的数量',
  MEETING_FAILED: '腾讯会议暂时无法创建会议，请稍后重试或由经办人手动填写会议号',
  INTERNAL: '系统繁忙，请稍后重试',
};

/** An expected failure: a stable code for programs and a Chinese message for people. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, message?: string) {
    super(message ?? DEFAULT_MESSAGES[code]);
  }
}

export const fail = (code: ErrorCode, message?: string): never => {
  throw new AppError(code, message);
};
