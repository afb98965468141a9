import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

// A loopback stand-in for the Tencent Meeting REST API's create call (POST /v1/meetings), strict the way the
// service is: header names read case-sensitively, the signature recomputed from the raw bytes received, the
// timestamp held to ±5 minutes, a nonce never reused. Refusals use the documented shape and statuses
// (https://cloud.tencent.com/document/product/1095/43704: request errors 400, service errors 500, body
// {"error_info":{"error_code","message"}}). The signature is recomputed here independently of the adapter's signer,
// so a mistake there cannot be mirrored here. Anything else answers 501, loudly.

export interface StandInAccount {
  secretId: string;
  secretKey: string;
  appId: string;
  /** When the account has none, an SdkId header is refused, as the service does. */
  sdkId?: string;
}

export interface StandInOptions extends StandInAccount {
  /** The service's clock; the machine's unless given. */
  now?: () => Date;
  /** Meetings get this password, as under an enterprise policy that forces one. */
  meetingPassword?: string;
}

/** One create the stand-in accepted: headers under the names they arrived with, and the body. */
export interface ReceivedCreate {
  headers: Record<string, string>;
  body: CreateBody;
}

/** What the next authenticated create gets instead of a meeting. */
export type ScriptedAnswer =
  | { serviceError: { status: number; errorCode: number; message: string } }
  | { raw: { status: number; body: string; contentType: string } }
  | { delayMs: number };

const CLOCK_TOLERANCE_SECONDS = 5 * 60;

const createBodySchema = z
  .object({
    userid: z.string().min(1),
    instanceid: z.number().int().min(0),
    subject: z.string().min(1),
    type: z.union([z.literal(0), z.literal(1)]),
    // Unix seconds as strings; numbers are a classic cause of refusals.
    start_time: z.string().regex(/^\d+$/),
    end_time: z.string().regex(/^\d+$/),
  })
  .refine((b) => Number(b.end_time) > Number(b.start_time), { message: 'end_time must follow start_time' });
type CreateBody = z.infer<typeof createBodySchema>;

class Refusal {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    readonly message: string,
  ) {}
}

const badParameter = (why: string) => new Refusal(400, 190004, `参数非法，请对照接口文档检查您的参数。(${why})`);
const notAuthenticated = () =>
  new Refusal(400, 190303, '鉴权失败：请检查请求头公共参数里字段AppId和X-TC-Key内容是否正确，字段SdkId如未分配不要携带。');

export class TencentMeetingStandIn {
  readonly created: ReceivedCreate[] = [];
  private readonly scripted: ScriptedAnswer[] = [];
  private readonly seenNonces = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private readonly now: () => Date;

  constructor(private readonly options: StandInOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues an answer for the next create that passes authentication. */
  script(answer: ScriptedAnswer): void {
    this.scripted.push(answer);
  }

  listen(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const uri = req.url ?? '';

    if (req.method !== 'POST' || uri !== '/v1/meetings') {
      res.writeHead(501, { 'Content-Type': 'text/plain' }).end(`stand-in does not implement ${req.method} ${uri}`);
      return;
    }
    try {
      const headers = headersAsSent(req);
      this.authenticate(headers, uri, rawBody);
      const body = parseCreateBody(headers, rawBody);
      const answer = this.scripted.shift();
      if (answer && 'delayMs' in answer) await this.sleep(answer.delayMs);
      if (answer && 'serviceError' in answer) {
        const { status, errorCode, message } = answer.serviceError;
        throw new Refusal(status, errorCode, message);
      }
      if (answer && 'raw' in answer) {
        res.writeHead(answer.raw.status, { 'Content-Type': answer.raw.contentType }).end(answer.raw.body);
        return;
      }
      this.created.push({ headers, body });
      sendJson(res, 200, this.meetingFor(body));
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      sendJson(res, e.status, { error_info: { error_code: e.errorCode, message: e.message } });
    }
  }

  private authenticate(headers: Record<string, string>, uri: string, rawBody: string): void {
    const { secretId, secretKey, appId, sdkId } = this.options;
    if (headers['AppId'] !== appId || headers['X-TC-Key'] !== secretId || headers['SdkId'] !== sdkId) {
      throw notAuthenticated();
    }
    const timestamp = headers['X-TC-Timestamp'] ?? '';
    const skew = Math.abs(this.now().getTime() / 1000 - Number(timestamp));
    if (!/^\d+$/.test(timestamp) || skew > CLOCK_TOLERANCE_SECONDS) {
      throw new Refusal(400, 190300, 'API 请求头里的时间戳参数 X-TC-Timestamp 取值与服务器当前时间差距超过5分钟，视为非法请求。');
    }
    const nonce = headers['X-TC-Nonce'] ?? '';
    if (!/^[1-9]\d*$/.test(nonce)) throw badParameter('X-TC-Nonce must be a positive integer');

    const stringToSign = `POST\nX-TC-Key=${secretId}&X-TC-Nonce=${nonce}&X-TC-Timestamp=${timestamp}\n${uri}\n${rawBody}`;
    const hex = createHmac('sha256', secretKey).update(Buffer.from(stringToSign, 'utf8')).digest('hex');
    if (headers['X-TC-Signature'] !== Buffer.from(hex).toString('base64')) {
      throw new Refusal(400, 200003, 'Signature failed!');
    }
    // Only a genuine request spends its nonce, so a forged one cannot block the next real call.
    const seen = `${timestamp}:${nonce}`;
    if (this.seenNonces.has(seen)) {
      throw new Refusal(400, 190301, '请求重放错误，请求头里的 X-TC-Timestamp 和 X-TC-Nonce 每次请求时需重新生成。');
    }
    this.seenNonces.add(seen);
  }

  private meetingFor(body: CreateBody): object {
    const n = this.created.length;
    return {
      meeting_number: 1,
      meeting_info_list: [
        {
          subject: body.subject,
          meeting_id: String(13339451618278424000n + BigInt(n)),
          meeting_code: String(445999968 + n),
          type: body.type,
          join_url: `https://meeting.tencent.com/dm/StandIn${String(n).padStart(5, '0')}`,
          hosts: [{ userid: body.userid }],
          participants: [],
          start_time: body.start_time,
          end_time: body.end_time,
          ...(this.options.meetingPassword !== undefined && { password: this.options.meetingPassword }),
        },
      ],
    };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

export async function startTencentMeetingStandIn(options: StandInOptions): Promise<TencentMeetingStandIn> {
  const standIn = new TencentMeetingStandIn(options);
  await standIn.listen();
  return standIn;
}

/** Header names exactly as they arrived: Node lower-cases `req.headers`, the service does not. */
function headersAsSent(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]] = req.rawHeaders[i + 1];
  return headers;
}

function parseCreateBody(headers: Record<string, string>, rawBody: string): CreateBody {
  if (!/^application\/json\b/.test(headers['Content-Type'] ?? '')) throw badParameter('Content-Type must be application/json');
  if (headers['X-TC-Registered'] !== '1') throw badParameter('X-TC-Registered must be 1 to create meetings');
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw badParameter('body is not JSON');
  }
  const parsed = createBodySchema.safeParse(json);
  if (!parsed.success) throw badParameter(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
