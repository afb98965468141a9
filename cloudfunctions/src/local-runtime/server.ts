import Busboy from 'busboy';
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { StorageRefusal } from '../adapters/local/folder-files';
import { opensInline } from '../domain/file-type';
import { type UploadRecord, uploadId } from '../application/intake';
import { composeLocal } from '../compose/local';
import { configFromEnv } from '../config';
import { timerEvent } from '../entries/timer-trigger';
import { DEMO_ADMIN, DEMO_USERS } from './demo-users';
import { previewRoutes } from './preview/routes';
import { seedDemo } from './seed';
import { nextFiveMinuteMarkAt, nextMonthlyDrawAt, runOnSchedule } from './timers';

// `npm start`: the built cloud functions, served on loopback with the local adapters, with demo data — or, with
// RVI_DEMO=off, as a fresh deployment: an empty store where only the first admins (FIRST_ADMIN_OPENIDS) may act.
// The caller's identity comes from the X-Wx-Openid header, which only this runtime accepts.
// Every request is answered: one error boundary turns what a request breaks into a JSON 4xx (or 500), never a
// crash. Files are served as CloudBase storage serves them to clients: only through a signed, expiring link, with
// their type, nosniff, and as a download unless an image or a PDF. No CORS: the browser preview is same-origin,
// and wx.request is not bound by it.

type FunctionMain = (event: unknown, context: { localOpenid?: string }) => Promise<unknown>;

const root = resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.RVI_DATA_DIR ?? join(root, '.data'));
/** RVI_DEMO=off: nothing is seeded, as after `npm run deploy`; the first admins set the office up from the pages. */
const withDemo = process.env.RVI_DEMO !== 'off';
const publicUrl = `http://127.0.0.1:${port}`;
const MAX_JSON_BYTES = 1024 * 1024;
/** The largest upload requestUpload hands out a place for; one with no request behind it is held to this too. */
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** What a multipart form adds around the file: boundaries, the cloudPath field, headers. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

if (process.argv.includes('--reset') && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
Object.assign(process.env, {
  RVI_LOCAL: '1', RVI_DATA_DIR: dataDir, RVI_PUBLIC_URL: publicUrl, RVI_FUNCTIONS_DIR: join(root, 'cloudfunctions'),
  FIRST_ADMIN_OPENIDS: process.env.FIRST_ADMIN_OPENIDS ?? DEMO_ADMIN,
  // Receipts' QR codes point here; /claim opens the claim page in the preview as WeChat would (the link in `q`).
  CLAIM_LINK_BASE: process.env.CLAIM_LINK_BASE ?? `${publicUrl}/claim`,
});

const deps = composeLocal({ dataDir, publicBaseUrl: publicUrl, config: configFromEnv(process.env) });
const functions = new Map<string, FunctionMain>();
const servePreview = previewRoutes(root);
const loadFunction = (name: string): FunctionMain | undefined => {
  if (!functions.has(name)) {
    const file = join(root, 'cloudfunctions', name, 'index.js');
    if (!/^[a-z-]+$/.test(name) || !existsSync(file)) return undefined;
    functions.set(name, (require(file) as { main: FunctionMain }).main);
  }
  return functions.get(name);
};

/** A refusal the boundary answers with its status; anything else thrown is a 500. */
class HttpRefusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const send = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
};

const refuse = (res: ServerResponse, status: number, code: string, message: string): void => send(res, status, { ok: false, code, message });

const tooLarge = (): HttpRefusal => new HttpRefusal(413, 'TOO_LARGE', '请求内容过大');

/**
 * Stops reading a request whose answer is already decided, but keeps draining it, so the client can read the
 * answer rather than see its connection reset while it is still sending.
 */
function drain(req: IncomingMessage): void {
  req.unpipe();
  req.resume();
}

/** The JSON body, up to MAX_JSON_BYTES; over it the request is refused (413) and the rest of the body drained. */
function readJson(req: IncomingMessage): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_JSON_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_JSON_BYTES) return;
      size += chunk.length;
      if (size > MAX_JSON_BYTES) reject(tooLarge());
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new HttpRefusal(400, 'VALIDATION', '请求内容不是有效的 JSON'));
      }
    });
    req.on('error', () => reject(new HttpRefusal(400, 'VALIDATION', '请求中断')));
  });
}

/** The size declared when the place was requested (requestUpload), or the overall limit for a path never handed out. */
async function declaredSize(cloudPath: string): Promise<number> {
  const record = await deps.store.get<UploadRecord>('uploads', uploadId(cloudPath));
  return record?.size ?? MAX_UPLOAD_BYTES;
}

/**
 * wx.uploadFile's multipart form: field cloudPath (handed out by requestUpload) before the file. The file is
 * streamed to disk under the storage rule and the declared size; an upload over it is refused whole (413).
 */
function receiveUpload(req: IncomingMessage, openid: string): Promise<{ fileID: string }> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES) return Promise.reject(tooLarge());
  return new Promise((done, failed) => {
    let form: Busboy.Busboy;
    try {
      form = Busboy({ headers: req.headers, limits: { files: 1, fields: 4, fieldSize: 4096 } });
    } catch {
      failed(new HttpRefusal(400, 'VALIDATION', '上传须为 multipart/form-data'));
      return;
    }
    let cloudPath = '';
    let upload: Promise<{ fileID: string }> | undefined;
    const stop = (error: unknown): void => {
      drain(req);
      failed(error);
    };
    form.on('field', (name, value) => {
      if (name === 'cloudPath') cloudPath = value;
    });
    form.on('file', (_name, stream) => {
      if (upload || !cloudPath) {
        stream.resume();
        if (!upload) stop(new HttpRefusal(400, 'VALIDATION', 'cloudPath 须在文件之前'));
        return;
      }
      upload = declaredSize(cloudPath)
        .then((max) => deps.files.receiveUpload(openid, cloudPath, stream, max))
        .then((f) => ({ fileID: f.fileId }));
      upload.catch((e: unknown) => {
        stream.resume();
        stop(e);
      });
    });
    form.on('close', () => (upload ? upload.then(done, () => undefined) : stop(new HttpRefusal(400, 'VALIDATION', '表单中没有文件'))));
    form.on('error', () => stop(new HttpRefusal(400, 'VALIDATION', '上传的表单不完整')));
    req.on('error', () => stop(new HttpRefusal(400, 'VALIDATION', '上传中断')));
    req.pipe(form);
  });
}

/** GET or HEAD of a file through its link, with the type on its record. */
async function serveFile(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const file = deps.files.openLink(url.pathname.slice('/files/'.length), url.searchParams);
  const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.size,
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `${opensInline(file.contentType) ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
    'Cache-Control': 'private, no-store',
  });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(createReadStream(file.absolutePath), res);
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', publicUrl);
  } catch {
    throw new HttpRefusal(400, 'VALIDATION', '请求地址无效');
  }
  const openid = req.headers['x-wx-openid'] as string | undefined;
  const method = req.method ?? '';
  if (url.pathname === '/healthz') return method === 'GET' ? send(res, 200, { ok: true }) : refuse(res, 405, 'METHOD', '只支持 GET');
  if (url.pathname === '/claim') {
    // Receipts' QR codes point here: open the claim page in the preview as WeChat would (the scanned link in `q`).
    if (method !== 'GET') return refuse(res, 405, 'METHOD', '只支持 GET');
    res.writeHead(302, { Location: `/preview/#/pages/claim-case/claim-case?q=${encodeURIComponent(url.href)}` });
    return void res.end();
  }
  if (await servePreview(method, url.pathname, res)) return;
  const fn = /^\/functions\/([a-z-]+)$/.exec(url.pathname);
  if (fn) {
    if (method !== 'POST') return refuse(res, 405, 'METHOD', '只支持 POST');
    const main = loadFunction(fn[1]!);
    if (!main) return refuse(res, 404, 'NOT_FOUND', '没有这个云函数');
    return send(res, 200, await main(await readJson(req), { localOpenid: openid }));
  }
  if (url.pathname === '/upload') {
    if (method !== 'POST') return refuse(res, 405, 'METHOD', '只支持 POST');
    if (!openid) return refuse(res, 401, 'UNAUTHENTICATED', '缺少身份');
    return send(res, 200, await receiveUpload(req, openid));
  }
  if (url.pathname.startsWith('/files/')) {
    if (method !== 'GET' && method !== 'HEAD') return refuse(res, 405, 'METHOD', '只支持 GET');
    return serveFile(req, res, url);
  }
  return refuse(res, 404, 'NOT_FOUND', '未找到');
}

const server = createServer((req, res) => {
  route(req, res).catch((thrown: unknown) => {
    // A percent-escape that does not decode, wherever a route decodes the address, is the request's fault.
    const e = thrown instanceof URIError ? new HttpRefusal(400, 'VALIDATION', '请求地址无效') : thrown;
    const known = e instanceof HttpRefusal || e instanceof StorageRefusal;
    if (!known) console.error(`${req.method} ${req.url}:`, (e as Error)?.stack ?? e);
    if (res.headersSent) return void res.destroy();
    // The answer is decided; what the client still sends is read and dropped, so it can read the answer.
    if (!req.complete) drain(req);
    if (known) return refuse(res, e.status, e.code, e.message);
    refuse(res, 500, 'INTERNAL', '服务内部错误');
  });
});

async function start(): Promise<void> {
  const api = loadFunction('api');
  if (!api) throw new Error('cloudfunctions/api/index.js is missing: run npm run build');
  const monthlyDraw = loadFunction('monthly-draw');
  const reminders = loadFunction('reminders');
  const seeded = withDemo && await seedDemo(deps, (openid, action, payload) => api({ action, payload }, { localOpenid: openid }) as Promise<never>);
  server.listen(port, '127.0.0.1', () => {
    console.log(`远程视频踏勘 local runtime on ${publicUrl}`);
    console.log(`  data: ${dataDir}${seeded ? ' (demo data seeded)' : withDemo ? '' : ' (no demo data: RVI_DEMO=off)'}`);
    console.log(`  GET  ${publicUrl}/healthz`);
    if (withDemo) console.log(`  POST ${publicUrl}/functions/api   header X-Wx-Openid: one of ${DEMO_USERS.map((u) => u.openid).join(', ')}`);
    else console.log(`  POST ${publicUrl}/functions/api   header X-Wx-Openid: any; the first admins: ${process.env.FIRST_ADMIN_OPENIDS}`);
    console.log(`  POST ${publicUrl}/upload          multipart: cloudPath, file`);
    console.log(`  GET  ${publicUrl}/preview/        the Mini Program in a browser (a preview; DevTools runs the real thing)`);
    if (monthlyDraw) {
      console.log(`  POST ${publicUrl}/functions/monthly-draw   no header, body ${JSON.stringify(timerEvent('monthly-draw', new Date()))}: last month's draw now, as the timer would`);
      console.log(`       (the timer runs it at ${nextMonthlyDrawAt(new Date()).toISOString()}; supervisors: action runDraw)`);
    }
  });
  // The monthly spot-check draw (R7) on its CloudBase schedule: 02:00 China time on the 1st, the timer's event, no caller.
  if (monthlyDraw) runOnSchedule(nextMonthlyDrawAt, async () => console.log('monthly-draw:', JSON.stringify(await monthlyDraw(timerEvent('monthly-draw', new Date()), {}))));
  // Reminders and the outbox sweep every five minutes, as in CloudBase; subscription messages go to a file.
  if (reminders) {
    console.log(`  reminders every 5 minutes; subscription messages written to ${join(dataDir, 'subscribe-messages.jsonl')}`);
    runOnSchedule(nextFiveMinuteMarkAt, async () => console.log('reminders:', JSON.stringify(await reminders(timerEvent('reminders', new Date()), {}))));
  }
}

start().catch((e) => {
  console.error('local runtime failed to start:', e);
  process.exit(1);
});
