import Busboy from 'busboy';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback stand-in for the cloud call 云调用 that `cloud.openapi.subscribeMessage.send` makes, as wx-server-sdk 4.0.2
// sends it (→ @cloudbase/node-sdk `callCompatibleWxOpenApi`): a multipart/form-data POST to the one CloudBase API
// URL with the fields `action=wx.openApi`, `apiName`, the envelope (envName, tokens …) and `requestData`, a protobuf
// `CommApiData { apiType = OPEN_API (0), openapiData { repeated KeyValuePair pairs { key, value } }, appid }` whose
// pairs are the API's parameters in snake_case, each value the JSON text of the parameter. The answer is a protobuf
// `CommOpenApiResp { respData, contentType, errorCode }` (not JSON: a JSON body means a CloudBase-side error), with
// WeChat's own JSON answer `{errcode, errmsg}` in respData.
//
// The protobuf is read and written here by hand from those field numbers, independently of the SDK's generated
// code, so a change in what the SDK sends shows up as a failure. Anything else — another action or API, a field or
// parameter it does not know, another wire type — is answered HTTP 500 and recorded in `unsupported`.

/** One subscribeMessage.send as received: the envelope's environment and the parameters, JSON-decoded. */
export interface OpenapiCall {
  envName: string;
  apiName: string;
  params: Record<string, unknown>;
}

/** What the stand-in answers a call: WeChat's errcode and errmsg (0 is success), or a CloudBase-side failure. */
export type OpenapiAnswer = { errcode: number; errmsg: string } | { cloudbaseError: { code: string; message: string } };

export interface OpenapiStandin {
  /** The single POST URL of the API (what TCB_CONTEXT_CNFG's URL points at). */
  url: string;
  calls: OpenapiCall[];
  unsupported: string[];
  /** Answers for the next calls, in order; after them every call succeeds. */
  answer(...answers: OpenapiAnswer[]): void;
  close(): Promise<void>;
}

class Unsupported extends Error {}

const ENVELOPE = ['action', 'apiName', 'requestData', 'envName', 'wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'sessionToken', 'crossAuthorizationToken'];
const SEND_PARAMS = ['touser', 'template_id', 'page', 'data', 'miniprogram_state', 'lang'];
const OPEN_API = 0;

type ProtoField = { no: number; varint?: bigint; bytes?: Buffer };

/** Reads a protobuf message's fields: varints and length-delimited only, which is all these messages use. */
function protoFields(buf: Buffer): ProtoField[] {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = buf[pos++];
      if (byte === undefined) throw new Unsupported('truncated protobuf varint');
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return result;
    }
  };
  const fields: ProtoField[] = [];
  while (pos < buf.length) {
    const tag = Number(varint());
    const no = tag >>> 3;
    if ((tag & 7) === 0) fields.push({ no, varint: varint() });
    else if ((tag & 7) === 2) {
      const length = Number(varint());
      if (pos + length > buf.length) throw new Unsupported('truncated protobuf field');
      fields.push({ no, bytes: buf.subarray(pos, pos + length) });
      pos += length;
    } else throw new Unsupported(`protobuf wire type ${tag & 7}`);
  }
  return fields;
}

const varintBytes = (value: number): Buffer => {
  const out: number[] = [];
  let n = value >>> 0;
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Buffer.from(out);
};
const bytesField = (no: number, bytes: Buffer): Buffer => Buffer.concat([varintBytes((no << 3) | 2), varintBytes(bytes.length), bytes]);

/** CommApiData → the API's parameters, each pair's value JSON-decoded. */
function decodeRequestData(requestData: Buffer): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  let apiType = 0n;
  for (const field of protoFields(requestData)) {
    if (field.no === 1 && field.varint !== undefined) apiType = field.varint;
    else if (field.no === 2 && field.bytes) {
      for (const pairField of protoFields(field.bytes)) {
        if (pairField.no !== 1 || !pairField.bytes) throw new Unsupported(`OpenApiData field ${pairField.no}`);
        const pair = protoFields(pairField.bytes);
        const key = pair.find((f) => f.no === 1)?.bytes?.toString('utf8');
        const value = pair.find((f) => f.no === 2)?.bytes;
        if (!key || !value || pair.some((f) => f.no > 2)) throw new Unsupported('KeyValuePair other than a key and a value');
        params[key] = JSON.parse(value.toString('utf8'));
      }
    } else if (field.no !== 6) throw new Unsupported(`CommApiData field ${field.no}`);
  }
  if (Number(apiType) !== OPEN_API) throw new Unsupported(`apiType ${apiType}`);
  return params;
}

/** subscribeMessage.send's parameters as WeChat documents them, else refused loudly. */
function checkSendParams(params: Record<string, unknown>): void {
  for (const key of Object.keys(params)) if (!SEND_PARAMS.includes(key)) throw new Unsupported(`subscribeMessage.send parameter ${key}`);
  if (typeof params.touser !== 'string' || typeof params.template_id !== 'string') throw new Unsupported('touser or template_id missing');
  const data = params.data as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object') throw new Unsupported('data missing');
  for (const [keyword, entry] of Object.entries(data)) {
    if (typeof (entry as { value?: unknown })?.value !== 'string' || Object.keys(entry as object).length !== 1) throw new Unsupported(`data.${keyword} is not {value: string}`);
  }
  if (params.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(params.miniprogram_state as string)) {
    throw new Unsupported(`miniprogram_state ${String(params.miniprogram_state)}`);
  }
}

function readForm(request: IncomingMessage): Promise<{ fields: Record<string, string>; requestData?: Buffer }> {
  return new Promise((resolve, reject) => {
    const form = Busboy({ headers: request.headers });
    const fields: Record<string, string> = {};
    let requestData: Buffer | undefined;
    form.on('field', (name, value) => {
      fields[name] = value;
    });
    form.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (name === 'requestData') requestData = Buffer.concat(chunks);
        else fields[name] = Buffer.concat(chunks).toString('utf8');
      });
    });
    form.on('close', () => resolve({ fields, requestData }));
    form.on('error', reject);
    request.pipe(form);
  });
}

export async function startOpenapiStandin(): Promise<OpenapiStandin> {
  const calls: OpenapiCall[] = [];
  const unsupported: string[] = [];
  const answers: OpenapiAnswer[] = [];

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://x').pathname !== '/admin') throw new Unsupported(`route ${request.method} ${request.url}`);
    if (!/^multipart\/form-data/.test(request.headers['content-type'] ?? '')) throw new Unsupported(`content-type ${request.headers['content-type']}`);
    const { fields, requestData } = await readForm(request);
    for (const name of Object.keys(fields)) if (!ENVELOPE.includes(name)) throw new Unsupported(`form field ${name}`);
    if (fields.action !== 'wx.openApi') throw new Unsupported(`action ${fields.action}`);
    if (fields.apiName !== 'subscribeMessage.send') throw new Unsupported(`apiName ${fields.apiName}`);
    if (!requestData) throw new Unsupported('requestData missing');
    const params = decodeRequestData(requestData);
    checkSendParams(params);
    calls.push({ envName: fields.envName ?? '', apiName: fields.apiName, params });

    const answer = answers.shift() ?? { errcode: 0, errmsg: 'ok' };
    if ('cloudbaseError' in answer) {
      // How CloudBase itself refuses (permission, quota …): JSON, which the SDK tells from a protobuf answer by type.
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ ...answer.cloudbaseError, requestId: `standin-${calls.length}` }));
      return;
    }
    const respData = Buffer.from(JSON.stringify(answer));
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    response.end(Buffer.concat([bytesField(1, respData), bytesField(2, Buffer.from('application/json; charset=utf-8'))]));
  };

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      unsupported.push(error instanceof Error ? error.message : String(error));
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`the openapi stand-in does not implement: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`,
    calls,
    unsupported,
    answer: (...next) => void answers.push(...next),
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
