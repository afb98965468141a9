import Busboy from 'busboy';
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { composeLocal } from '../compose/local';
import { configFromEnv } from '../config';
import { DEMO_ADMIN, DEMO_USERS } from './demo-users';
import { previewRoutes } from './preview/routes';
import { seedDemo } from './seed';
import { nextFiveMinuteMarkAt, nextMonthlyDrawAt, runOnSchedule } from './timers';

// `npm start`: the built cloud functions, served on loopback with the local adapters, with demo data.
// The caller's identity comes from the X-Wx-Openid header, which only this runtime accepts.

type FunctionMain = (event: unknown, context: { localOpenid?: string }) => Promise<unknown>;

const root = resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.RVI_DATA_DIR ?? join(root, '.data'));
const publicUrl = `http://127.0.0.1:${port}`;
const MAX_JSON_BYTES = 1024 * 1024;
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

if (process.argv.includes('--reset') && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
Object.assign(process.env, {
  RVI_LOCAL: '1', RVI_DATA_DIR: dataDir, RVI_PUBLIC_URL: publicUrl,
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

const send = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
  res.end(JSON.stringify(body));
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/** wx.uploadFile's multipart form: field cloudPath (handed out by requestUpload) and field file. */
function receiveUpload(req: IncomingMessage, openid: string): Promise<{ fileID: string }> {
  return new Promise((done, failed) => {
    const form = Busboy({ headers: req.headers, limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    let cloudPath = '';
    let upload: Promise<{ fileID: string }> | undefined;
    form.on('field', (name, value) => {
      if (name === 'cloudPath') cloudPath = value;
    });
    form.on('file', (_name, stream) => {
      if (!cloudPath.startsWith(`uploads/${openid}/`)) {
        stream.resume();
        failed(new Error('cloudPath must be under the caller\'s own uploads folder and come before the file'));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      upload = new Promise((ok, bad) => stream.on('end', () => deps.files.put(cloudPath, Buffer.concat(chunks)).then((f) => ok({ fileID: f.fileId }), bad)));
    });
    form.on('close', () => (upload ? upload.then(done, failed) : failed(new Error('no file in the form'))));
    form.on('error', failed);
    req.pipe(form);
  });
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', publicUrl);
    const openid = (req.headers['x-wx-openid'] as string | undefined) ?? undefined;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type, X-Wx-Openid', 'Access-Control-Allow-Methods': 'GET, POST' });
      return res.end();
    }
    if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, { ok: true });
    if (req.method === 'GET' && url.pathname === '/claim') {
      res.writeHead(302, { Location: `/preview/#/pages/claim-case/claim-case?q=${encodeURIComponent(url.href)}` });
      return res.end();
    }
    if (await servePreview(req.method ?? '', url.pathname, res)) return;
    const fn = /^\/functions\/([a-z-]+)$/.exec(url.pathname);
    if (req.method === 'POST' && fn) {
      const main = loadFunction(fn[1]!);
      if (!main) return send(res, 404, { ok: false, code: 'NOT_FOUND', message: '没有这个云函数' });
      return send(res, 200, await main(await readJson(req), { localOpenid: openid }));
    }
    if (req.method === 'POST' && url.pathname === '/upload') {
      if (!openid) return send(res, 401, { ok: false, code: 'UNAUTHENTICATED', message: '缺少身份' });
      return send(res, 200, await receiveUpload(req, openid));
    }
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      const path = deps.files.pathOf(`local://${decodeURI(url.pathname.slice('/files/'.length))}`);
      if (!existsSync(path)) return send(res, 404, { ok: false, code: 'NOT_FOUND', message: '文件不存在' });
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
      return void createReadStream(path).pipe(res);
    }
    return send(res, 404, { ok: false, code: 'NOT_FOUND', message: '未找到' });
  } catch (e) {
    return send(res, 400, { ok: false, code: 'VALIDATION', message: `请求无法处理：${(e as Error).message}` });
  }
});

async function start(): Promise<void> {
  const api = loadFunction('api');
  if (!api) throw new Error('cloudfunctions/api/index.js is missing: run npm run build');
  const monthlyDraw = loadFunction('monthly-draw');
  const reminders = loadFunction('reminders');
  const seeded = await seedDemo(deps, (openid, action, payload) => api({ action, payload }, { localOpenid: openid }) as Promise<never>);
  server.listen(port, '127.0.0.1', () => {
    console.log(`远程视频踏勘 local runtime on ${publicUrl}`);
    console.log(`  data: ${dataDir}${seeded ? ' (demo data seeded)' : ''}`);
    console.log(`  GET  ${publicUrl}/healthz`);
    console.log(`  POST ${publicUrl}/functions/api   header X-Wx-Openid: one of ${DEMO_USERS.map((u) => u.openid).join(', ')}`);
    console.log(`  POST ${publicUrl}/upload          multipart: cloudPath, file`);
    console.log(`  GET  ${publicUrl}/preview/        the Mini Program in a browser (a preview; DevTools runs the real thing)`);
    if (monthlyDraw) {
      console.log(`  POST ${publicUrl}/functions/monthly-draw   no header: last month's spot-check draw now, as the timer would`);
      console.log(`       (the timer runs it at ${nextMonthlyDrawAt(new Date()).toISOString()}; supervisors: action runDraw)`);
    }
  });
  // The monthly spot-check draw (R7) on its CloudBase schedule: 02:00 China time on the 1st, no caller.
  if (monthlyDraw) runOnSchedule(nextMonthlyDrawAt, async () => console.log('monthly-draw:', JSON.stringify(await monthlyDraw({}, {}))));
  // Reminders and the outbox sweep every five minutes, as in CloudBase; subscription messages go to a file.
  if (reminders) {
    console.log(`  reminders every 5 minutes; subscription messages written to ${join(dataDir, 'subscribe-messages.jsonl')}`);
    runOnSchedule(nextFiveMinuteMarkAt, async () => console.log('reminders:', JSON.stringify(await reminders({}, {}))));
  }
}

start().catch((e) => {
  console.error('local runtime failed to start:', e);
  process.exit(1);
});
