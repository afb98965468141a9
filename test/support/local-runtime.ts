import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ActionName, ActionRequest, ActionResponse, ApiResult } from '../../typings/api';

const freePort = (): Promise<number> =>
  new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

/** The built local runtime (`npm start`'s process), on a free port with a fresh data folder. */
export interface RunningRuntime {
  url: string;
  /** The runtime's data folder (the database and the stored files). */
  dataDir: string;
  /** What the runtime has printed so far. */
  output(): string;
  call<A extends ActionName>(openid: string, action: A, payload: ActionRequest<A>): Promise<ApiResult<ActionResponse<A>>>;
  ok<A extends ActionName>(openid: string, action: A, payload: ActionRequest<A>): Promise<ActionResponse<A>>;
  upload(openid: string, cloudPath: string, name: string, bytes: Buffer): Promise<string>;
  stop(): Promise<void>;
}

/** `env`: more of the runtime's environment, e.g. { RVI_DEMO: 'off' } for a fresh deployment with no demo data. */
export async function startLocalRuntime(env: Record<string, string> = {}): Promise<RunningRuntime> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rvi-e2e-'));
  const root = resolve(__dirname, '../..');
  const child: ChildProcess = spawn(process.execPath, [join(root, 'build/local-runtime.js')], {
    cwd: root, env: { ...process.env, ...env, PORT: String(port), RVI_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      if (i > 150 || child.exitCode !== null) throw new Error(`local runtime did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const rt: RunningRuntime = {
    url,
    dataDir,
    output: () => output,
    async call(openid, action, payload) {
      const res = await fetch(`${url}/functions/api`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Wx-Openid': openid }, body: JSON.stringify({ action, payload }) });
      return (await res.json()) as never;
    },
    async ok(openid, action, payload) {
      const r = await rt.call(openid, action, payload);
      if (!r.ok) throw new Error(`${action} failed: ${r.code} ${r.message}`);
      return r.data;
    },
    async upload(openid, cloudPath, name, bytes) {
      const form = new FormData();
      form.append('cloudPath', cloudPath);
      form.append('file', new Blob([bytes]), name);
      const res = await fetch(`${url}/upload`, { method: 'POST', headers: { 'X-Wx-Openid': openid }, body: form });
      const body = (await res.json()) as { fileID?: string; message?: string };
      if (!body.fileID) throw new Error(`upload failed: ${body.message}`);
      return body.fileID;
    },
    async stop() {
      child.kill();
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return rt;
}
