import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { creditCodeCheckChar } from '../../cloudfunctions/src/domain/credit-code';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';

// The local runtime probed as an attacker would: the requests that used to kill it or leak through it, then random
// methods, paths, headers and bodies on every route. Each is answered, and /healthz stays 200 throughout.

jest.setTimeout(30_000);
let rt: RunningRuntime;
beforeAll(async () => {
  rt = await startLocalRuntime();
}, 30_000);
afterAll(() => rt.stop());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One raw HTTP request; rejects only when no answer came (a reset or a crash). */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Answer> {
  // A body always goes with its length: Node sends a DELETE's or an OPTIONS' body unframed otherwise.
  if (body !== undefined && !headers['Transfer-Encoding']) headers = { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = request(`${rt.url}${path}`, { method, headers, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${method} ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

const healthy = async (): Promise<void> => expect((await send('GET', '/healthz')).status).toBe(200);

/** A multipart form as wx.uploadFile sends it. */
function form(cloudPath: string, fileName: string, bytes: Buffer): { headers: Record<string, string>; body: Buffer } {
  const boundary = '----rvi-robustness';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="cloudPath"\r\n\r\n${cloudPath}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body };
}

const upload = (openid: string, cloudPath: string, fileName: string, bytes: Buffer): Promise<Answer> => {
  const f = form(cloudPath, fileName, bytes);
  return send('POST', '/upload', { ...f.headers, 'X-Wx-Openid': openid }, f.body);
};

const requestUpload = async (fileName: string, size: number): Promise<string> =>
  (await rt.ok('demo-applicant', 'requestUpload', { fileName, size, purpose: 'material' })).cloudPath;

/** Applies with one material and returns the case id and the material's file id as the case holds it. */
let applications = 0;
async function applyWith(fileId: string): Promise<{ caseId: string; materialFileId: string }> {
  // A company has one open application per matter: each call applies as another company.
  const base = `91120110MA0RB${String(++applications).padStart(4, '0')}`;
  const applied = await rt.ok('demo-applicant', 'applyForInspection', {
    matterCode: 'TJDL-HEA-002', mode: 'remote', materialFileIds: [fileId],
    company: { name: '天津东丽健壮测试有限公司', creditCode: base + creditCodeCheckChar(base) },
    applicantName: '张三', applicantPhone: '13812345678', premises: { address: '天津市东丽区测试路2号', latitude: 39.1, longitude: 117.3 },
  });
  const seen = await rt.ok('demo-applicant', 'getCase', { caseId: applied.id });
  return { caseId: applied.id, materialFileId: seen.materials[0]!.fileId };
}

describe('the requests that used to crash the runtime are answered', () => {
  test('a GET of a folder under /files/, signed or not', async () => {
    for (const path of ['/files/', '/files/uploads', '/files/uploads/demo-applicant/', '/files/%2e%2e/%2e%2e/etc/passwd', '/files/%E0%A4%A']) {
      const answer = await send('GET', path);
      expect([403, 404]).toContain(answer.status);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ ok: false });
    }
    await healthy();
  });

  test('an upload whose cloudPath climbs out of the caller\'s folder is refused and writes nothing there', async () => {
    for (const cloudPath of ['uploads/demo-applicant/../demo-staff/x.pdf', 'uploads/demo-applicant/../../cases/x.pdf', '../x.pdf', '/etc/x.pdf']) {
      const answer = await upload('demo-applicant', cloudPath, 'x.pdf', Buffer.from('x'));
      expect(answer.status).toBe(403);
    }
    const written = readdirSync(join(rt.dataDir, 'files'), { recursive: true }).map(String);
    expect(written.filter((f) => f.endsWith('x.pdf'))).toEqual([]);
    await healthy();
  });

  test('the same cloudPath uploaded twice: the owner replaces their own upload, as CloudBase does', async () => {
    const cloudPath = await requestUpload('twice.pdf', 10);
    expect((await upload('demo-applicant', cloudPath, 'twice.pdf', Buffer.from('first'))).status).toBe(200);
    expect((await upload('demo-applicant', cloudPath, 'twice.pdf', Buffer.from('second'))).status).toBe(200);
    expect((await upload('demo-contact', cloudPath, 'twice.pdf', Buffer.from('third'))).status).toBe(403);
    await healthy();
  });

  test('a file over the size declared for it is refused with 413 and its partial file removed', async () => {
    const cloudPath = await requestUpload('declared.pdf', 1000);
    const answer = await upload('demo-applicant', cloudPath, 'declared.pdf', Buffer.alloc(256 * 1024, 1));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    const folder = join(rt.dataDir, 'files', cloudPath.slice(0, cloudPath.lastIndexOf('/')));
    const name = cloudPath.slice(cloudPath.lastIndexOf('/') + 1);
    expect(readdirSync(folder).filter((f) => f.startsWith(name))).toEqual([]);
    expect((await upload('demo-applicant', cloudPath, 'declared.pdf', Buffer.alloc(1000, 1))).status).toBe(200);
    await healthy();
  });

  test('a JSON body over the limit is answered 413, readably, without resetting the connection', async () => {
    const answer = await send('POST', '/functions/api', { 'Content-Type': 'application/json', 'X-Wx-Openid': 'demo-applicant' }, Buffer.alloc(3 * 1024 * 1024, 0x20));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${rt.url}/functions/api`, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 24; i++) req.write(Buffer.alloc(128 * 1024, 0x20));
      req.end();
    });
    expect(chunked).toBe(413);
    await healthy();
  });

  test('the timer functions refuse every caller but their own trigger, a user sending a timer-shaped event included', async () => {
    const forged = JSON.stringify({ Type: 'Timer', TriggerName: 'monthly', Time: new Date().toISOString() });
    for (const [fn, headers, body] of [
      ['monthly-draw', {}, '{}'], ['monthly-draw', { 'X-Wx-Openid': 'demo-applicant' }, forged], ['reminders', {}, forged], ['reminders', { 'X-Wx-Openid': 'demo-admin' }, '{}'],
    ] as const) {
      const answer = await send('POST', `/functions/${fn}`, { 'Content-Type': 'application/json', ...headers }, body);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const own = await send('POST', '/functions/reminders', { 'Content-Type': 'application/json' }, JSON.stringify({ Type: 'Timer', TriggerName: 'every-five-minutes' }));
    expect(JSON.parse(own.body.toString())).toMatchObject({ ok: true });
  });

  test('no answer carries a wildcard CORS header', async () => {
    for (const [method, path] of [['OPTIONS', '/functions/api'], ['GET', '/healthz'], ['POST', '/functions/api'], ['GET', '/files/x']]) {
      expect((await send(method!, path!)).headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('case files are read only through their link, served as what their record says', () => {
  test('a material opens through getFileUrl\'s link; the bare storage address and an altered link are refused', async () => {
    const cloudPath = await requestUpload('营业执照.pdf', 100);
    const answer = await upload('demo-applicant', cloudPath, '营业执照.pdf', Buffer.from('%PDF-1.4 robustness'));
    const { caseId, materialFileId } = await applyWith(JSON.parse(answer.body.toString()).fileID);
    const { url } = await rt.ok('demo-applicant', 'getFileUrl', { caseId, fileId: materialFileId });
    const path = url.slice(rt.url.length);
    const opened = await send('GET', path);
    expect(opened.status).toBe(200);
    expect(opened.body.toString()).toBe('%PDF-1.4 robustness');
    expect(opened.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' });
    expect(opened.headers['content-disposition']).toMatch(/^inline/);
    expect((await send('GET', path.replace(/\?.*$/, ''))).status).toBe(403);
    expect((await send('GET', path.replace(/expires=(\d+)/, (_m, t: string) => `expires=${Number(t) + 3600}`))).status).toBe(403);
  });

  test('an HTML page uploaded as .pdf or .txt is served as that type with nosniff; only images and PDFs open inline', async () => {
    const html = Buffer.from('<html><script>fetch("/functions/api")</script></html>');
    for (const [name, type, disposition] of [['page.pdf', 'application/pdf', /^inline/], ['page.txt', 'text/plain; charset=utf-8', /^attachment/], ['page.html', 'application/octet-stream', /^attachment/]] as const) {
      const cloudPath = await requestUpload(name, html.length);
      const up = await upload('demo-applicant', cloudPath, name, html);
      const { caseId, materialFileId } = await applyWith(JSON.parse(up.body.toString()).fileID);
      const { url } = await rt.ok('demo-applicant', 'getFileUrl', { caseId, fileId: materialFileId });
      const served = await send('GET', url.slice(rt.url.length));
      expect(served.headers['content-type']).toBe(type);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['content-disposition']).toMatch(disposition);
    }
  });
});

describe('random requests on every route', () => {
  const ROUTES = ['/healthz', '/functions/api', '/functions/monthly-draw', '/functions/reminders', '/functions/nope', '/upload', '/files/', '/preview/', '/preview/app.js', '/preview/mp/', '/', '/x'];
  const segment = fc.oneof(
    fc.constantFrom('..', '.', '%2e%2e', '%00', '%E0%A4%A', '%ZZ', 'uploads', 'demo-applicant', '证据', 'a b', '//', '\\'),
    fc.stringMatching(/^[A-Za-z0-9._~%-]{0,12}$/),
  );
  const path = fc.tuple(fc.constantFrom(...ROUTES), fc.array(segment, { maxLength: 4 }), fc.option(fc.stringMatching(/^[a-z=&%0-9]{0,20}$/)))
    .map(([route, rest, query]) => `${route}${rest.join('/')}${query ? `?${query}` : ''}`);
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS');
  const headers = fc.record({
    'Content-Type': fc.constantFrom('application/json', 'multipart/form-data; boundary=x', 'multipart/form-data', 'text/plain', 'application/x-www-form-urlencoded', ''),
    'X-Wx-Openid': fc.constantFrom('demo-applicant', 'demo-admin', '', '../x', 'zhang san', 'a'.repeat(300)),
  }, { requiredKeys: [] });
  const body = fc.oneof(
    fc.constant(undefined),
    fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
    fc.json().map((j) => Buffer.from(j)),
    fc.record({ action: fc.string(), payload: fc.anything() }).map((j) => Buffer.from(JSON.stringify(j))),
    fc.constant(Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc')),
    fc.constant(Buffer.from('--x\r\nContent-Disposition: form-data; name="cloudPath"\r\n\r\nuploads/demo-applicant/../../a\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc\r\n--x--\r\n')),
  );

  test('every request is answered, errors as JSON, and /healthz stays 200', async () => {
    let ran = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(method, path, headers, body, async (m, p, h, b) => {
        ran++;
        const cleanHeaders = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== ''));
        const answer = await send(m, p, cleanHeaders, m === 'GET' || m === 'HEAD' ? undefined : b);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status).toBeGreaterThanOrEqual(200);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400 && m !== 'HEAD') expect(JSON.parse(answer.body.toString())).toMatchObject({ ok: false });
        if (ran % 25 === 0) await healthy();
      }),
      { numRuns: 400 },
    );
    expect(ran).toBe(400);
    // The generator reached refusals of several kinds, not one route's 404 only.
    expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThanOrEqual(4);
    await healthy();
    expect(rt.output()).not.toMatch(/INTERNAL|Error:/);
  }, 120_000);
});
