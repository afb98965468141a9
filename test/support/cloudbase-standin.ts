import { EJSON } from 'bson';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as wxCloud from 'wx-server-sdk';
import { COLLECTIONS } from '../../cloudfunctions/src/collections';

// A loopback stand-in for the CloudBase HTTP API that wx-server-sdk talks to: every database and storage call is a
// POST of `{action, ...params}` to one URL, plus the upload PUT and the download GET/HEAD on the links it hands out.
// It serves only the wire actions our adapters send, with the request and response shapes the SDK's own source
// reads (wx-server-sdk 4.0.2 → @cloudbase/node-sdk 3.17 → @cloudbase/database 1.4.3): queries, updates and
// documents travel as canonical EJSON strings. Anything else — an action, an operator, a parameter it does not
// know — is answered HTTP 500 and recorded in `unsupported`, which a test checks after each case.
//
// Semantics follow the MongoDB behind CloudBase for what we use: equality (null matches a missing field), $ne,
// $gt/$gte/$lt/$lte and $in that compare within one type only, dot paths, multi-key sort with null/missing first
// and strings in UTF-8 byte order, skip, limit, $set/$unset updates reporting how many documents they updated, and
// collections that must exist. Paths that cross an array are refused loudly rather than half-imitated.
//
// Where the documentation disagrees with itself, the stand-in takes the stricter reading, so an adapter that passes
// here does not bet on the answer (`npm run cloud-check` settles each one against a real environment):
// - a query answers at most 100 documents, whatever limit it asks for (the read guide and users' reports; the
//   `limit` reference says 1000);
// - an insert over a taken _id fails with DATABASE_REQUEST_FAILED and a message that names no duplicate key (the
//   E11000 text is MongoDB's, not a documented part of the SDK's answer);
// - a temporary link must ask for its lifetime (max_age) and stops working when it runs out.
// Paths that cross an array are refused loudly rather than half-imitated.

export const STANDIN_ENV = 'standin-env';
const STANDIN_BUCKET = '7374-standin-env-1250000000';
const ADMIN_PATH = '/admin';
const DEFAULT_LIMIT = 100;
/** The stricter reading of the per-query cap. */
export const STANDIN_QUERY_CAP = 100;

export interface RecordedRequest {
  action: string;
  params: Record<string, unknown>;
}

export interface CloudbaseStandin {
  /** The single POST URL of the API (what TCB_CONTEXT_CNFG's URL or init({serviceUrl}) points at). */
  url: string;
  /** Every API call received, in order. */
  requests: RecordedRequest[];
  /** Why each request the stand-in could not serve was refused; a test expects this to stay empty. */
  unsupported: string[];
  /** Forgets every document and file, keeping the collections. */
  reset(): void;
  /** Moves the stand-in's clock (which decides when temporary links expire) forward. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

type Doc = Record<string, unknown>;

/** A cloud function as the stand-in runs it for cloud.callFunction: the event in, the function's answer out. */
export type CalledFunction = (event: unknown) => Promise<unknown>;

class Unsupported extends Error {}

/** A business error, answered the way the server does: HTTP 200 with `code` and `message`. */
class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MISSING = Symbol('missing');
type FieldValue = unknown | typeof MISSING;

const isPlainObject = (v: unknown): v is Doc =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

const parseEjson = (text: unknown, what: string): unknown => {
  if (typeof text !== 'string') throw new Unsupported(`${what} is not an EJSON string`);
  return EJSON.parse(text, { relaxed: true });
};
const toEjson = (doc: Doc): string => EJSON.stringify(doc, { relaxed: false });

function valueAt(doc: Doc, path: string): FieldValue {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) throw new Unsupported(`path ${path} crosses an array`);
    if (!isPlainObject(current) || !(part in current)) return MISSING;
    current = current[part];
  }
  if (Array.isArray(current)) throw new Unsupported(`path ${path} ends at an array`);
  return current;
}

/** MongoDB's order of types: null and missing first, then numbers, strings, objects, booleans. */
function typeRank(v: FieldValue): number {
  if (v === MISSING || v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (isPlainObject(v)) return 3;
  if (typeof v === 'boolean') return 4;
  throw new Unsupported(`value of unsupported type: ${String(v)}`);
}

function compare(a: FieldValue, b: FieldValue): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b));
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeRank(a) === 0) return 0;
  throw new Unsupported('comparing objects');
}

function scalarOperand(operand: unknown): unknown {
  if (operand !== null && typeof operand === 'object') throw new Unsupported(`operand ${JSON.stringify(operand)}`);
  return operand;
}

const equals = (value: FieldValue, operand: unknown): boolean =>
  scalarOperand(operand) === null ? typeRank(value) === 0 : typeRank(value) === typeRank(operand) && compare(value, operand) === 0;

/** Range operators match only values of the operand's own type. */
const ordered = (value: FieldValue, operand: unknown, holds: (order: number) => boolean): boolean =>
  scalarOperand(operand) !== null && typeRank(value) === typeRank(operand) && holds(compare(value, operand));

const OPERATORS: Record<string, (value: FieldValue, operand: unknown) => boolean> = {
  $eq: equals,
  $ne: (value, operand) => !equals(value, operand),
  $gt: (value, operand) => ordered(value, operand, (o) => o > 0),
  $gte: (value, operand) => ordered(value, operand, (o) => o >= 0),
  $lt: (value, operand) => ordered(value, operand, (o) => o < 0),
  $lte: (value, operand) => ordered(value, operand, (o) => o <= 0),
  $in: (value, operand) => {
    if (!Array.isArray(operand)) throw new Unsupported('$in without a list');
    return operand.some((o) => equals(value, o));
  },
};

function matches(doc: Doc, query: Doc): boolean {
  return Object.entries(query).every(([path, condition]) => {
    if (path.startsWith('$')) throw new Unsupported(`query operator ${path}`);
    const value = valueAt(doc, path);
    if (!isPlainObject(condition)) return equals(value, condition);
    return Object.entries(condition).every(([op, operand]) => {
      const operator = OPERATORS[op];
      if (!operator) throw new Unsupported(`query condition ${op} on ${path}`);
      return operator(value, operand);
    });
  });
}

function setAt(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let parent = doc;
  for (const part of parts.slice(0, -1)) {
    parent[part] ??= {};
    const next = parent[part];
    if (!isPlainObject(next)) throw new Unsupported(`$set through a non-object at ${path}`);
    parent = next;
  }
  parent[parts[parts.length - 1]] = value;
}

function unsetAt(doc: Doc, path: string): void {
  const parts = path.split('.');
  const parent = parts.slice(0, -1).reduce<unknown>((node, part) => (isPlainObject(node) ? node[part] : undefined), doc);
  if (isPlainObject(parent)) delete parent[parts[parts.length - 1]];
}

function applyUpdate(doc: Doc, update: Doc): void {
  for (const [op, fields] of Object.entries(update)) {
    if ((op !== '$set' && op !== '$unset') || !isPlainObject(fields)) throw new Unsupported(`update ${op}`);
    for (const [path, value] of Object.entries(fields)) {
      if (path === '_id' || path.startsWith('_id.')) throw new Unsupported('updating _id');
      if (op === '$set') setAt(doc, path, value);
      else unsetAt(doc, path);
    }
  }
}

function expectParams(params: Doc, allowed: string[]): void {
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '' && !allowed.includes(key)) throw new Unsupported(`parameter ${key}`);
  }
}

/** What every request carries besides its action's own parameters. */
const ENVELOPE = ['action', 'envName', 'wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'sessionToken', 'crossAuthorizationToken'];

class Backend {
  readonly collections = new Map<string, Map<string, Doc>>();
  readonly files = new Map<string, Buffer>();
  /** Upload links handed out by getUploadMetadata, by the path they are for. */
  readonly uploadTokens = new Map<string, string>();
  /** Download links handed out by batchGetDownloadUrl: their path and when they stop opening it (ms). */
  readonly downloadLinks = new Map<string, { path: string; expiresAt: number }>();
  private uploads = 0;
  private generatedIds = 0;

  constructor(
    collectionNames: string[],
    private readonly baseUrl: string,
    private readonly now: () => number,
  ) {
    for (const name of collectionNames) this.collections.set(name, new Map());
  }

  get fileIdPrefix(): string {
    return `cloud://${STANDIN_ENV}.${STANDIN_BUCKET}`;
  }

  /** Cloud functions another function may call with cloud.callFunction, by name. */
  functions: Record<string, CalledFunction> = {};

  handle(action: string, params: Doc): Doc | Promise<Doc> {
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(params);
      case 'database.insertDocument':
        return this.insertDocument(params);
      case 'database.modifyDocument':
        return this.modifyDocument(params);
      case 'database.removeDocument':
        return this.removeDocument(params);
      case 'database.calculateDocument':
        return this.calculateDocument(params);
      case 'storage.getUploadMetadata':
        return this.getUploadMetadata(params);
      case 'storage.batchGetDownloadUrl':
        return this.batchGetDownloadUrl(params);
      case 'functions.invokeFunction':
        return this.invokeFunction(params);
      case 'storage.batchDeleteFile':
        return this.batchDeleteFile(params);
      default:
        throw new Unsupported(`action ${action}`);
    }
  }

  private collection(params: Doc): Map<string, Doc> {
    const name = params.collectionName;
    const docs = typeof name === 'string' ? this.collections.get(name) : undefined;
    if (!docs) throw new ApiError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${String(name)}`);
    return docs;
  }

  private selected(params: Doc): Doc[] {
    const query = params.query === undefined ? {} : parseEjson(params.query, 'query');
    if (!isPlainObject(query)) throw new Unsupported('query is not an object');
    return [...this.collection(params).values()].filter((doc) => matches(doc, query));
  }

  private getDocument(params: Doc): Doc {
    expectParams(params, [...ENVELOPE, 'collectionName', 'queryType', 'query', 'multi', 'order', 'offset', 'limit', 'projection']);
    let docs = this.selected(params);
    if (params.order !== undefined) {
      const order = parseEjson(params.order, 'order');
      if (!isPlainObject(order)) throw new Unsupported('order is not an object');
      const keys = Object.entries(order).map(([path, direction]) => {
        if (direction !== 1 && direction !== -1) throw new Unsupported(`sort direction ${String(direction)}`);
        return { path, direction };
      });
      docs = docs.sort((a, b) => {
        for (const { path, direction } of keys) {
          const order = compare(valueAt(a, path), valueAt(b, path));
          if (order !== 0) return order * direction;
        }
        return 0;
      });
    }
    const offset = Number(params.offset ?? 0);
    const limit = params.queryType === 'DOC' ? 1 : Math.min(Number(params.limit ?? DEFAULT_LIMIT), STANDIN_QUERY_CAP);
    const page = docs.slice(offset, offset + limit);
    if (params.projection === undefined) return { data: { list: page.map(toEjson), offset, limit } };
    // field({a: true}) arrives as {"a": 1}: inclusion of top-level fields, and _id always.
    const projection = parseEjson(params.projection, 'projection');
    if (!isPlainObject(projection) || Object.entries(projection).some(([k, v]) => v !== 1 || k.includes('.'))) throw new Unsupported('projection other than top-level inclusion');
    const shown = page.map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k === '_id' || k in projection)));
    return { data: { list: shown.map(toEjson), offset, limit } };
  }

  private insertDocument(params: Doc): Doc {
    expectParams(params, [...ENVELOPE, 'collectionName', 'data']);
    const docs = this.collection(params);
    if (!Array.isArray(params.data)) throw new Unsupported('insert data is not a list');
    const insertedIds: string[] = [];
    for (const text of params.data) {
      const doc = parseEjson(text, 'document');
      if (!isPlainObject(doc)) throw new Unsupported('insert of a non-object');
      // Like the server, an insert without an _id gets a generated one.
      doc._id ??= `standin-${++this.generatedIds}`;
      if (typeof doc._id !== 'string') throw new Unsupported('insert with a non-string _id');
      if (docs.has(doc._id)) {
        throw new ApiError('DATABASE_REQUEST_FAILED', '[FailedOperation.Insert] database request failed');
      }
      docs.set(doc._id, doc);
      insertedIds.push(doc._id);
    }
    return { data: { insertedIds } };
  }

  private modifyDocument(params: Doc): Doc {
    expectParams(params, [...ENVELOPE, 'collectionName', 'queryType', 'query', 'multi', 'merge', 'upsert', 'data']);
    if (params.merge !== true || params.upsert !== false) throw new Unsupported('modifyDocument other than a merging update');
    const update = parseEjson(params.data, 'update');
    if (!isPlainObject(update)) throw new Unsupported('update is not an object');
    const targets = this.selected(params).slice(0, params.multi === false ? 1 : undefined);
    for (const doc of targets) applyUpdate(doc, update);
    return { data: { updated: targets.length, upsert_id: null } };
  }

  private removeDocument(params: Doc): Doc {
    expectParams(params, [...ENVELOPE, 'collectionName', 'queryType', 'query', 'multi']);
    const docs = this.collection(params);
    const targets = this.selected(params).slice(0, params.multi === false ? 1 : undefined);
    for (const doc of targets) docs.delete(doc._id as string);
    return { data: { deleted: targets.length } };
  }

  private calculateDocument(params: Doc): Doc {
    expectParams(params, [...ENVELOPE, 'collectionName', 'queryType', 'query']);
    return { data: { total: this.selected(params).length } };
  }

  private getUploadMetadata(params: Doc): Doc {
    expectParams(params, [...ENVELOPE, 'path', 'method']);
    if (typeof params.path !== 'string' || params.method !== 'put') throw new Unsupported('upload other than a PUT to a path');
    const token = `upload-${++this.uploads}`;
    this.uploadTokens.set(params.path, token);
    return {
      data: {
        url: `${this.baseUrl}/cos/${encodeURIComponent(params.path)}`,
        token,
        authorization: `standin-authorization ${token}`,
        fileId: `${this.fileIdPrefix}/${params.path}`,
        cosFileId: `cos-${token}`,
      },
    };
  }

  private batchGetDownloadUrl(params: Doc): Doc {
    expectParams(params, [...ENVELOPE, 'file_list']);
    if (!Array.isArray(params.file_list)) throw new Unsupported('file_list is not a list');
    const download_list = params.file_list.map((file: unknown) => {
      const { fileid, max_age } = file as { fileid: string; max_age?: number };
      if (typeof max_age !== 'number' || max_age <= 0) throw new Unsupported('a temporary link without an explicit max_age');
      const path = fileid.startsWith(`${this.fileIdPrefix}/`) ? fileid.slice(this.fileIdPrefix.length + 1) : undefined;
      if (path === undefined || !this.files.has(path)) return { code: 'STORAGE_FILE_NONEXIST', fileID: fileid, tempFileURL: '' };
      // Like the service's links, the path is not escaped; the SDK escapes it itself before fetching. Each link
      // opens its file for max_age seconds, as a temporary URL does.
      const sign = `standin-${this.downloadLinks.size + 1}`;
      this.downloadLinks.set(sign, { path, expiresAt: this.now() + max_age * 1000 });
      return { code: 'SUCCESS', fileID: fileid, tempFileURL: `${this.baseUrl}/download/${path}?sign=${sign}`, maxAge: max_age };
    });
    return { data: { download_list } };
  }

  /** cloud.deleteFile: each file answers its own code; a missing one STORAGE_FILE_NONEXIST. */
  private batchDeleteFile(params: Doc): Doc {
    expectParams(params, [...ENVELOPE, 'fileid_list']);
    if (!Array.isArray(params.fileid_list)) throw new Unsupported('fileid_list is not a list');
    const delete_list = params.fileid_list.map((fileid: unknown) => {
      const id = String(fileid);
      const path = id.startsWith(`${this.fileIdPrefix}/`) ? id.slice(this.fileIdPrefix.length + 1) : undefined;
      return { fileID: id, code: path !== undefined && this.files.delete(path) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
    });
    return { data: { delete_list } };
  }

  /** cloud.callFunction: the event travels as a JSON string and the answer comes back as one in response_data. */
  private async invokeFunction(params: Doc): Promise<Doc> {
    expectParams(params, [...ENVELOPE, 'function_name', 'request_data']);
    const called = this.functions[String(params.function_name)];
    if (!called) throw new ApiError('FUNCTIONS_NOT_EXIST', `[ResourceNotFound.Function] function not found: ${String(params.function_name)}`);
    const event = typeof params.request_data === 'string' && params.request_data !== '' ? JSON.parse(params.request_data) : {};
    return { data: { response_data: JSON.stringify(await called(event)) } };
  }
}

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const cosError = (code: string, message: string): string =>
  `<?xml version='1.0' encoding='utf-8' ?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>standin</RequestId><TraceId>standin</TraceId></Error>`;

export async function startCloudbaseStandin(options: { collections?: string[]; functions?: Record<string, CalledFunction> } = {}): Promise<CloudbaseStandin> {
  const requests: RecordedRequest[] = [];
  const unsupported: string[] = [];
  let requestCount = 0;

  const refuse = (response: ServerResponse, reason: string): void => {
    unsupported.push(reason);
    response.writeHead(500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ code: 'STANDIN_UNSUPPORTED', message: `the CloudBase stand-in does not implement: ${reason}` }));
  };

  const serveApi = async (request: IncomingMessage, response: ServerResponse, api: Backend): Promise<void> => {
    const params = JSON.parse((await readBody(request)).toString('utf8')) as Doc;
    const action = String(params.action);
    requests.push({ action, params });
    const requestId = `standin-${++requestCount}`;
    let answer: Doc;
    try {
      answer = { requestId, ...(await api.handle(action, params)) };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      answer = { requestId, code: error.code, message: error.message };
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer));
  };

  const serveUpload = async (request: IncomingMessage, response: ServerResponse, api: Backend, path: string): Promise<void> => {
    const token = api.uploadTokens.get(path);
    const bytes = await readBody(request);
    if (!token || request.headers['x-cos-security-token'] !== token) {
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end(cosError('AccessDenied', 'no upload was authorised for this path'));
      return;
    }
    api.uploadTokens.delete(path);
    api.files.set(path, bytes); // as COS does: an upload to an existing key replaces it
    response.writeHead(200);
    response.end();
  };

  const serveDownload = async (request: IncomingMessage, response: ServerResponse, api: Backend, path: string, sign: string | null): Promise<void> => {
    // Storage is closed to reads (storage rules `read: false`): only a temporary link opens a file, until it expires.
    const link = sign === null ? undefined : api.downloadLinks.get(sign);
    if (!link || link.path !== path || !(link.expiresAt > now())) {
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end(request.method === 'HEAD' ? undefined : cosError('AccessDenied', link ? 'Request has expired' : 'Access Denied.'));
      return;
    }
    const bytes = api.files.get(path);
    if (!bytes) {
      response.writeHead(404, { 'content-type': 'application/xml' });
      response.end(request.method === 'HEAD' ? undefined : cosError('NoSuchKey', 'The specified key does not exist.'));
      return;
    }
    // A single byte range (what the adapters ask for), answered 206 as COS does.
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    if (request.headers.range && !range) throw new Unsupported(`range ${request.headers.range}`);
    const part = range ? bytes.subarray(Number(range[1]), Math.min(Number(range[2]) + 1, bytes.length)) : bytes;
    response.writeHead(range ? 206 : 200, {
      'content-type': 'application/octet-stream', 'content-length': part.length,
      ...(range ? { 'content-range': `bytes ${range[1]}-${Number(range[1]) + part.length - 1}/${bytes.length}` } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : part);
  };

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const collectionNames = options.collections ?? Object.keys(COLLECTIONS);
  let clockOffset = 0;
  const now = (): number => Date.now() + clockOffset;
  const newBackend = (): Backend => Object.assign(new Backend(collectionNames, baseUrl, now), { functions: options.functions ?? {} });
  let backend = newBackend();

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', baseUrl);
    const served =
      request.method === 'POST' && pathname === ADMIN_PATH
        ? serveApi(request, response, backend)
        : request.method === 'PUT' && pathname.startsWith('/cos/')
          ? serveUpload(request, response, backend, decodeURIComponent(pathname.slice('/cos/'.length)))
          : (request.method === 'GET' || request.method === 'HEAD') && pathname.startsWith('/download/')
            ? serveDownload(request, response, backend, decodeURIComponent(pathname.slice('/download/'.length)), searchParams.get('sign'))
            : Promise.reject(new Unsupported(`route ${request.method} ${pathname}`));
    served.catch((error: unknown) => refuse(response, error instanceof Error ? error.message : String(error)));
  });

  return {
    url: `${baseUrl}${ADMIN_PATH}`,
    requests,
    unsupported,
    reset() {
      backend = newBackend();
      clockOffset = 0;
      requests.length = 0;
      unsupported.length = 0;
    },
    advanceClock(ms: number) {
      clockOffset += ms;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/**
 * Points this process's wx-server-sdk at the stand-in and returns it initialised, the way a deployed function's
 * environment does: SCF run mode (no cloud metadata probing), the environment id, dummy credentials, and the API
 * URL in TCB_CONTEXT_CNFG (read per request). The SDK is a per-module-registry singleton, so this is once per test file.
 */
export function initWxServerSdk(standin: Pick<CloudbaseStandin, 'url'>): typeof wxCloud {
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: STANDIN_ENV,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'standin-secret-id',
    TENCENTCLOUD_SECRETKEY: 'standin-secret-key',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: standin.url }),
  });
  wxCloud.init({ env: STANDIN_ENV });
  return wxCloud;
}
