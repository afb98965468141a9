// A 500 MB upload through the built local runtime (`build/local-runtime.js`), as wx.uploadFile sends it: the
// runtime's resident memory is sampled from /proc while the body streams in; the figure is its rise over the
// level before the upload. The body is generated as it is sent, so the bench itself holds no file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = 1024 * 1024;

const freePort = () => new Promise((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => done(port));
  });
});

const rssMB = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function api(url, openid, action, payload) {
  const res = await fetch(`${url}/functions/api`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Wx-Openid': openid }, body: JSON.stringify({ action, payload }) });
  const body = await res.json();
  if (!body.ok) throw new Error(`${action}: ${body.message}`);
  return body.data;
}

/** Sends `size` bytes as the file of a multipart form; resolves with the runtime's status and answer. */
function sendUpload(url, openid, cloudPath, size) {
  const boundary = '----rvi-bench';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="cloudPath"\r\n\r\n${cloudPath}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="recording.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(MB, 7);
  return new Promise((resolve, reject) => {
    const req = request(`${url}/upload`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + size + tail.length, 'X-Wx-Openid': openid },
    }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(MB, size - sent);
        sent += n;
        if (!req.write(n === MB ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

export async function benchUploadMemory(sizeMB = 500) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rvi-upload-bench-'));
  const child = spawn(process.execPath, ['build/local-runtime.js'], { env: { ...process.env, PORT: String(port), RVI_DATA_DIR: dataDir }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        if (i > 300) throw new Error('local runtime did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const size = sizeMB * MB;
    const { cloudPath } = await api(url, 'demo-applicant', 'requestUpload', { fileName: 'recording.mp4', size, purpose: 'evidence' });
    await new Promise((r) => setTimeout(r, 500));
    const beforeMB = rssMB(child.pid);
    let peakMB = beforeMB;
    const sampler = setInterval(() => (peakMB = Math.max(peakMB, rssMB(child.pid))), 20);
    const started = process.hrtime.bigint();
    const answer = await sendUpload(url, 'demo-applicant', cloudPath, size);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peakMB = Math.max(peakMB, rssMB(child.pid));
    if (answer.status !== 200) throw new Error(`upload refused: ${answer.status} ${answer.text}`);
    return { sizeMB, beforeMB: +beforeMB.toFixed(1), peakMB: +peakMB.toFixed(1), riseMB: +(peakMB - beforeMB).toFixed(1), seconds: +seconds.toFixed(2) };
  } finally {
    child.kill();
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchUploadMemory(Number(process.argv[2] ?? 500))));
