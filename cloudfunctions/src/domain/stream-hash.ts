import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * SHA-256 (lower-case hex) and byte count of a stream, one chunk at a time: a meeting recording of hundreds of MB
 * is never held in memory, and `for await` pulls, so a fast source waits for the hash instead of piling up.
 */
export async function sha256OfStream(readable: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of readable) {
    // A string chunk means someone called setEncoding: the bytes are already decoded and could not be hashed as stored.
    if (!(chunk instanceof Uint8Array)) throw new TypeError('sha256OfStream needs a byte stream, not text or objects');
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}
