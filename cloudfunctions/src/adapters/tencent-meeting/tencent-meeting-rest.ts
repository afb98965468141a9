import { createHmac, randomInt } from 'node:crypto';
import * as z from 'zod';
import { systemClock, type Clock } from '../../ports/clock';
import { MeetingError, type MeetingInfo, type MeetingRequest, type Meetings } from '../../ports/meetings';
import { meetingsCreateUrl } from './create-url';

// Tencent Meeting REST API, enterprise self-built application (AK/SK).
//   auth    https://cloud.tencent.com/document/product/1095/42413 (common headers, string to sign, ±5 min clock)
//   errors  https://cloud.tencent.com/document/product/1095/43704 (400 request errors, 500 service errors, both
//           with {"error_info":{"error_code","message"}}; 190300 clock, 190303 AppId/X-TC-Key/SdkId)
// Signing, the create call and its answer follow the official SDK TencentCloud/wemeet-openapi-sdk-go:
// core/authenticator.go (hex of the HMAC, then base64 of that hex text; URI = path and query), the meetings
// service's V1MeetingsPost (status >= 300 is an error carrying error_info) and V1MeetingsPost200Response.

export interface TencentMeetingConfig {
  /** Defaults to https://api.meeting.qq.com; plain http is allowed only on loopback, for the test stand-in. */
  baseUrl?: string;
  secretId: string;
  secretKey: string;
  /** The enterprise id (企业 ID). */
  appId: string;
  /** Sent only when issued: the service refuses an SdkId header from accounts that have none (error 190303). */
  sdkId?: string;
  /** The enterprise userid meetings are created for when the request names no host. */
  userId: string;
  /** The creator's device type; 1 (PC) unless configured. */
  instanceId?: number;
  /** Whole-request deadline; the cloud function's own timeout must be longer. Defaults to 5000. */
  timeoutMs?: number;
}

export interface TencentMeetingSignInput {
  method: string;
  /** Path and query exactly as sent, e.g. `/v1/meetings` or `/v1/meetings?meeting_code=…`. */
  uri: string;
  /** The exact body text sent; empty for GET. */
  body: string;
  secretId: string;
  secretKey: string;
  nonce: string;
  timestamp: string;
}

/** X-TC-Signature: Base64( hex( HMAC-SHA256(secretKey, "METHOD\nX-TC-Key=…&X-TC-Nonce=…&X-TC-Timestamp=…\nURI\nBODY") ) ). */
export function signTencentMeetingRequest(input: TencentMeetingSignInput): string {
  const headers = `X-TC-Key=${input.secretId}&X-TC-Nonce=${input.nonce}&X-TC-Timestamp=${input.timestamp}`;
  const stringToSign = `${input.method}\n${headers}\n${input.uri}\n${input.body}`;
  const hex = createHmac('sha256', input.secretKey).update(stringToSign, 'utf8').digest('hex');
  return Buffer.from(hex, 'utf8').toString('base64');
}


const createdSchema = z.object({
  meeting_info_list: z
    .array(
      z.object({
        meeting_id: z.string().min(1),
        meeting_code: z.string().regex(/^\d{9}$/),
        join_url: z.url({ protocol: /^https$/ }).optional(),
        password: z.string().optional(),
      }),
    )
    .min(1),
});

const errorSchema = z.object({
  error_info: z.object({ error_code: z.number().int(), message: z.string() }),
});

const FALLBACK = '；也可以请经办人手动粘贴会议号';

/** Service error codes with their own meaning for us; others are plain refusals. */
const AUTH_ERRORS = new Set([
  190303, // unknown AppId / X-TC-Key, or an SdkId sent by an account that has none
  200003, // signature mismatch
]);
const CLOCK_SKEW_ERROR = 190300;
const REFUSAL_MESSAGES: Record<number, string> = {
  9008: '创建会议的次数已达腾讯会议的上限（每分钟或每日），请稍后再试',
  9093: '会议主题含有腾讯会议不允许的词语，请修改后再试',
  20001: '腾讯会议里没有这个主持人账号，请联系管理员核对',
  20003: '腾讯会议的主持人账号不可用，请联系管理员核对',
};

export class TencentMeetingRest implements Meetings {
  private readonly createUrl: URL;

  constructor(
    private readonly config: TencentMeetingConfig,
    private readonly clock: Clock = systemClock,
  ) {
    this.createUrl = meetingsCreateUrl(config);
  }

  async createMeeting(request: MeetingRequest): Promise<MeetingInfo> {
    const start = Math.floor(request.start.getTime() / 1000);
    const end = Math.floor(request.end.getTime() / 1000);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
      throw new MeetingError('MEETING_INPUT_INVALID', '会议的结束时间必须晚于开始时间');
    }
    const body = JSON.stringify({
      userid: request.hostUserId ?? this.config.userId,
      instanceid: this.config.instanceId ?? 1,
      subject: request.subject,
      type: 0, // scheduled, not instant
      start_time: String(start),
      end_time: String(end),
    });

    const { status, text } = await this.post(body);
    if (status >= 300) throw errorFromResponse(status, text);

    const created = createdSchema.safeParse(parseJson(text));
    if (!created.success) {
      throw new MeetingError(
        'MEETING_BAD_RESPONSE',
        `腾讯会议返回了无法识别的结果${FALLBACK}`,
        `HTTP ${status}: ${created.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    }
    const meeting = created.data.meeting_info_list[0];
    return {
      provider: 'tencent-rest',
      meetingId: meeting.meeting_id,
      meetingCode: meeting.meeting_code,
      ...(meeting.join_url && { joinUrl: meeting.join_url }),
      ...(meeting.password && { password: meeting.password }),
    };
  }

  private async post(body: string): Promise<{ status: number; text: string }> {
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const nonce = String(randomInt(1, 2 ** 31 - 1));
    const uri = this.createUrl.pathname + this.createUrl.search;
    const { secretId, secretKey, appId, sdkId } = this.config;
    // Header names are written as documented: the service reads them case-sensitively, and fetch keeps our case.
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'X-TC-Key': secretId,
      'X-TC-Timestamp': timestamp,
      'X-TC-Nonce': nonce,
      'X-TC-Signature': signTencentMeetingRequest({ method: 'POST', uri, body, secretId, secretKey, nonce, timestamp }),
      AppId: appId,
      ...(sdkId && { SdkId: sdkId }),
      'X-TC-Registered': '1',
    };
    const timeoutMs = this.config.timeoutMs ?? 5000;
    try {
      // The same signal bounds reading the body, so a stalled answer cannot outlive the deadline either.
      const response = await fetch(this.createUrl, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: response.status, text: await response.text() };
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') {
        throw new MeetingError(
          'MEETING_TIMEOUT',
          `腾讯会议在 ${timeoutMs / 1000} 秒内没有响应，请先在腾讯会议里确认会议是否已创建${FALLBACK}`,
          `no answer within ${timeoutMs} ms`,
        );
      }
      throw new MeetingError('MEETING_UNAVAILABLE', `暂时连不上腾讯会议，请稍后再试${FALLBACK}`, (e as Error).message);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFromResponse(status: number, text: string): MeetingError {
  const parsed = errorSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    return new MeetingError('MEETING_UNAVAILABLE', `腾讯会议暂时不可用（HTTP ${status}），请稍后再试${FALLBACK}`, `HTTP ${status} without error_info`);
  }
  const { error_code: serviceCode, message } = parsed.data.error_info;
  const detail = `HTTP ${status}, error_code ${serviceCode}: ${message}`;
  if (serviceCode === CLOCK_SKEW_ERROR) {
    return new MeetingError('MEETING_CLOCK_SKEW', `服务器时间与腾讯会议相差超过 5 分钟，请联系管理员校准${FALLBACK}`, detail, serviceCode);
  }
  if (AUTH_ERRORS.has(serviceCode)) {
    return new MeetingError('MEETING_AUTH_FAILED', `腾讯会议接口鉴权失败，请联系管理员检查接口凭证${FALLBACK}`, detail, serviceCode);
  }
  const reason = REFUSAL_MESSAGES[serviceCode] ?? `腾讯会议拒绝创建会议（错误码 ${serviceCode}）`;
  return new MeetingError('MEETING_REFUSED', reason + FALLBACK, detail, serviceCode);
}
