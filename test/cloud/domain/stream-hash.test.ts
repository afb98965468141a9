import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { sha256OfStream } from '../../../cloudfunctions/src/domain/stream-hash';

/** Deterministic pseudo-random bytes (xorshift32), so a failure is reproducible. */
function pseudoRandomBytes(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** Yields `bytes` in chunks of uneven sizes, like a network download; copies, so no chunk aliases another. */
function* unevenChunks(bytes: Buffer): Generator<Buffer> {
  const sizes = [1, 7, 64 * 1024, 1000, 333_333, 65_537];
  for (let offset = 0, i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield Buffer.from(bytes.subarray(offset, offset + size));
    offset += size;
  }
}

describe('hashing a stream', () => {
  it('hashes a generated 12 MB stream in uneven chunks exactly as crypto hashes the same bytes at once', async () => {
    const bytes = pseudoRandomBytes(12 * 1024 * 1024 + 17, 0x9e3779b9);
    const result = await sha256OfStream(Readable.from(unevenChunks(bytes), { objectMode: false }));
    expect(result).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
  });

  it('gives the known SHA-256 of an empty stream and of "abc"', async () => {
    expect(await sha256OfStream(Readable.from([], { objectMode: false }))).toEqual({
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      size: 0,
    });
    expect(await sha256OfStream(Readable.from([Buffer.from('a'), Buffer.from('bc')]))).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      size: 3,
    });
  });

  it('refuses a stream decoded to text, whose bytes could no longer be hashed as stored', async () => {
    const text = Readable.from([Buffer.from('证据')]);
    text.setEncoding('utf8');
    await expect(sha256OfStream(text)).rejects.toThrow('needs a byte stream');
  });

  it('fails when the stream fails, instead of returning the hash of a partial file', async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.from('first part'));
        this.destroy(new Error('storage connection reset'));
      },
    });
    await expect(sha256OfStream(broken)).rejects.toThrow('storage connection reset');
  });
});
