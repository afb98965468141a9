import { deflate, inflate } from '../../../cloudfunctions/src/render/pako-on-zlib';

// pdf-lib's own pako (no typings of its own): the two calls this test makes.
const pako = require('pako') as { deflate(data: Uint8Array): Uint8Array; inflate(data: Uint8Array): Uint8Array };

// The pdf function's bundle answers pdf-lib's pako calls with Node's zlib (scripts/build.mjs): what it writes must
// read back with pako's own inflate (any PDF reader's FlateDecode), and what pako wrote must read back with it.

test('deflates to the zlib format pako reads, and inflates what pako wrote', () => {
  const text = new TextEncoder().encode('远程视频踏勘 BT /F1 12 Tf (0001) Tj ET\n'.repeat(200));
  const ours = deflate(text);
  expect(ours.length).toBeLessThan(text.length / 10);
  expect([ours[0], ours[1]]).toEqual([0x78, 0x9c]); // zlib header, default compression, as pako writes it
  expect(pako.inflate(ours)).toEqual(text);
  expect(inflate(pako.deflate(text))).toEqual(text);
  expect(inflate(deflate(text, { level: 0 }))).toEqual(text);
  expect(ours).toBeInstanceOf(Uint8Array);
});
