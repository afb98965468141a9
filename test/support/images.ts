import { crc32, deflateSync } from 'node:zlib';

// Small real images for rendering tests, made in code so the repository holds no binary fixtures.

type Rgba = [number, number, number, number];

/** An RGBA PNG whose pixels come from `paint`. */
export function png(width: number, height: number, paint: (x: number, y: number) => Rgba): Uint8Array {
  const rowLength = width * 4 + 1;
  const raw = Buffer.alloc(rowLength * height); // each row: filter type 0, then the pixels
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(paint(x, y), y * rowLength + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A handwritten-looking stroke on a transparent background, like the signature pad exports. */
export const signaturePng = (): Uint8Array =>
  png(300, 100, (x, y) => (Math.abs(y - 50 - 30 * Math.sin(x / 25)) < 3 ? [20, 20, 60, 255] : [0, 0, 0, 0]));

/**
 * A flat grey baseline JPEG (width and height multiples of 8). With quantisation 1 a flat 8×8 block is its DC
 * value alone, so the entropy-coded data can be written by hand with two minimal Huffman tables.
 */
export function greyJpeg(width: number, height: number, grey: number): Uint8Array {
  const dc = 8 * (grey - 128); // DC coefficient of a flat block after the level shift
  const category = dc === 0 ? 0 : Math.floor(Math.log2(Math.abs(dc))) + 1;
  const bits: number[] = [];
  const put = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >> i) & 1);
  };
  for (let block = 0; block < (width / 8) * (height / 8); block++) {
    if (block === 0 && category > 0) {
      put(0b01, 2); // DC code for `category`
      put(dc >= 0 ? dc : dc + (1 << category) - 1, category);
    } else {
      put(0b00, 2); // DC difference 0: same grey as the previous block
    }
    put(0, 1); // AC: end of block
  }
  while (bits.length % 8) bits.push(1);
  const scan: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = parseInt(bits.slice(i, i + 8).join(''), 2);
    scan.push(byte);
    if (byte === 0xff) scan.push(0x00); // byte stuffing
  }
  const counts = (lengths: Record<number, number>): number[] =>
    Array.from({ length: 16 }, (_, i) => lengths[i + 1] ?? 0);
  return Uint8Array.from([
    0xff, 0xd8,
    0xff, 0xdb, 0x00, 67, 0x00, ...new Array<number>(64).fill(1),
    0xff, 0xc0, 0x00, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0,
    0xff, 0xc4, 0x00, 21, 0x00, ...counts({ 2: 2 }), 0, category || 1,
    0xff, 0xc4, 0x00, 20, 0x10, ...counts({ 1: 1 }), 0x00,
    0xff, 0xda, 0x00, 8, 1, 1, 0x00, 0, 63, 0,
    ...scan,
    0xff, 0xd9,
  ]);
}
