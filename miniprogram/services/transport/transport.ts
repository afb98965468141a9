import type { ActionName, ActionRequest, ActionResponse, ApiEvent, ApiResult, ErrorCode } from '../../../typings/api/index';
import { config, runtimeMode } from '../../config/config';
import { devOpenid } from './dev-identity';

/** A failed call: the server's code and Chinese message, or NETWORK when no answer came back. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';

  constructor(code: ErrorCode | 'NETWORK', message: string) {
    super(message);
    // Keeps instanceof working where the build downlevels classes that extend Error.
    Object.setPrototypeOf(this, ApiError.prototype);
    this.name = 'ApiError';
    this.code = code;
  }
}

const NETWORK_MESSAGE = '网络不稳定，请检查网络后重试';
/** Attempts per call. Every attempt carries the same requestId, so the server applies the call at most once. */
const ATTEMPTS = 3;
export const RETRY_DELAY_MS = { value: 600 };

/** What one attempt produced: the server's answer, or no answer at all. */
type Outcome = { result: ApiResult<unknown> } | { networkError: string };

let counter = 0;
export function newRequestId(): string {
  counter = (counter + 1) % 1679616;
  const random = Math.floor(Math.random() * 1679616).toString(36);
  return `${Date.now().toString(36)}-${counter.toString(36)}-${random}`;
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function sendCloud(event: ApiEvent): Promise<Outcome> {
  return new Promise((resolve) => {
    // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html
    wx.cloud.callFunction({
      name: 'api',
      data: event,
      success: (res) =>
        resolve(isApiResult(res.result) ? { result: res.result } : { result: { ok: false, code: 'INTERNAL', message: '服务返回异常，请稍后重试' } }),
      fail: (err) => resolve({ networkError: err.errMsg }),
    });
  });
}

function sendLocal(event: ApiEvent): Promise<Outcome> {
  return new Promise((resolve) => {
    wx.request({
      url: `${config.localBaseUrl}/functions/api`,
      method: 'POST',
      header: { 'content-type': 'application/json', 'X-Wx-Openid': devOpenid() },
      data: event,
      success: (res) => {
        if (isApiResult(res.data)) resolve({ result: res.data });
        else if (res.statusCode >= 500) resolve({ networkError: `HTTP ${res.statusCode}` });
        else resolve({ result: { ok: false, code: 'INTERNAL', message: `服务返回异常（${res.statusCode}），请稍后重试` } });
      },
      fail: (err) => resolve({ networkError: err.errMsg }),
    });
  });
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls one action of the `api` function; resolves with its data or rejects with an ApiError. */
export async function callApi<A extends ActionName>(action: A, payload: ActionRequest<A>): Promise<ActionResponse<A>> {
  const event: ApiEvent<A> = { action, payload, requestId: newRequestId() };
  const send = runtimeMode() === 'cloud' ? sendCloud : sendLocal;
  for (let attempt = 1; ; attempt++) {
    const outcome = await send(event as ApiEvent);
    // A lost answer or a first attempt still running (IN_PROGRESS) is retried with the same requestId.
    const retryable = 'networkError' in outcome || (!outcome.result.ok && outcome.result.code === 'IN_PROGRESS');
    if (retryable && attempt < ATTEMPTS) {
      await wait(RETRY_DELAY_MS.value * attempt);
      continue;
    }
    if ('networkError' in outcome) throw new ApiError('NETWORK', NETWORK_MESSAGE);
    if (outcome.result.ok) return outcome.result.data as ActionResponse<A>;
    throw new ApiError(outcome.result.code, outcome.result.message);
  }
}

/** One service = one action: `export const getCase = bindAction('getCase')`. */
export const bindAction =
  <A extends ActionName>(action: A) =>
  (payload: ActionRequest<A>): Promise<ActionResponse<A>> =>
    callApi(action, payload);
