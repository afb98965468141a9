import { errorCode } from './format';

// Why something could not be shown, in words the person can act on. Retrying helps only when the network or
// the service failed; a case that does not exist or is not theirs needs a way back instead.

export type FailureKind = 'notFound' | 'forbidden' | 'offline' | 'server';

export interface Failure {
  kind: FailureKind;
  title: string;
  hint: string;
  /** Whether 重试 is offered: only where trying again can help. */
  canRetry: boolean;
}

export const NO_FAILURE: Failure = { kind: 'server', title: '', hint: '', canRetry: false };

const KIND_OF: Record<string, FailureKind> = {
  NOT_FOUND: 'notFound',
  VALIDATION: 'notFound',
  FORBIDDEN: 'forbidden',
  UNAUTHENTICATED: 'forbidden',
  NETWORK: 'offline',
};

const hasChinese = (s: unknown): s is string => typeof s === 'string' && /[\u4e00-\u9fa5]/.test(s);

/** What to show when loading `what` (e.g. 办件, 消息) failed. */
export function failureOf(err: unknown, what = '内容'): Failure {
  const kind = KIND_OF[errorCode(err) ?? ''] ?? 'server';
  const message = (err as { message?: unknown } | null)?.message;
  switch (kind) {
    case 'notFound':
      return { kind, title: `未找到该${what}`, hint: '链接可能已失效，或该内容已被撤回、不再存在。', canRetry: false };
    case 'forbidden':
      return {
        kind,
        title: `您无权查看该${what}`,
        // The server's refusal says which rule applies (您不是该踏勘群的成员); it is the better hint.
        hint: hasChinese(message) ? message : '只有办件的申请人、联系人和经办人员可以查看。如有疑问，请联系审批科室。',
        canRetry: false,
      };
    case 'offline':
      return { kind, title: '网络连接不上', hint: '请检查手机网络或稍后再试，恢复后点“重试”。', canRetry: true };
    default:
      return { kind, title: `${what}暂时加载不了`, hint: hasChinese(message) ? message : '服务暂时繁忙，请稍后重试。', canRetry: true };
  }
}

/** What to throw when the thing a page shows is not there: failureOf reads it as 未找到. */
export const notFound = (): Error & { code: string } => Object.assign(new Error('not found'), { code: 'NOT_FOUND' });

/** A page only some roles use, opened by someone else: no retry, a way back. */
export const notForYou = (title: string): Failure => ({
  kind: 'forbidden',
  title,
  hint: '如您需要使用，请联系系统管理员开通相应身份。',
  canRetry: false,
});
