import { createReadStream, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256OfStream } from '../cloudfunctions/src/domain/stream-hash';

/** Hashes a generated file of `megabytes` and reports time and the peak resident memory while hashing. */
export async function benchHashLargeFile(megabytes = 500): Promise<Record<string, number>> {
  const path = join(tmpdir(), `rvi-bench-${process.pid}.bin`);
  const chunk = Buffer.alloc(1024 * 1024, 7);
  writeFileSync(path, '');
  for (let i = 0; i < megabytes; i++) appendFileSync(path, chunk);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t = process.hrtime.bigint();
  const { size } = await sha256OfStream(createReadStream(path));
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  clearInterval(sampler);
  rmSync(path, { force: true });
  if (size !== megabytes * 1024 * 1024) throw new Error('hashed size differs');
  return { fileMB: megabytes, hashMs: Math.round(ms), rssBeforeMB: Math.round(rssBefore / 2 ** 20), peakRssMB: Math.round(peak / 2 ** 20) };
}
