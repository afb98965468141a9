import { createJimp } from '@jimp/core';
import jpeg from '@jimp/js-jpeg';
import png from '@jimp/js-png';
import { methods as resize } from '@jimp/plugin-resize';

// Pictures are scaled down before they go into the archive (issue 16): a phone photo of 4000 × 3000 pixels would
// otherwise be embedded whole, making the archive megabytes per picture and the pdf function's memory grow with it.
// Jimp is pure JavaScript (no native build, no download at install), and only its JPEG, PNG and resize parts are
// bundled into the pdf function.

const Jimp = createJimp({ formats: [jpeg, png], plugins: [resize] });
const FORMATS = { 'image/jpeg': jpeg(), 'image/png': png() } as const;
type Mime = keyof typeof FORMATS;

/** By the file's signature, as pdf-lib tells them apart (Jimp's own sniffing loads file-type through a dynamic import). */
const mimeOf = (bytes: Buffer): Mime | null =>
  bytes[0] === 0x89 && bytes.toString('latin1', 1, 4) === 'PNG' ? 'image/png' : bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : null;

/** The archive prints a picture in a box of about 250 × 240 pt: 1200 pixels on the long side is ample for print. */
export const PRINT_MAX_SIDE = 1200;
const JPEG_QUALITY = 82;

/**
 * The picture as it is printed: a JPEG or PNG no larger than PRINT_MAX_SIDE on its long side, in its own format
 * (a PNG keeps its transparency), or null when the bytes are not a picture Jimp can read. A picture already small
 * enough is returned as it is. Scaling is deterministic, so the same picture gives the same archive bytes.
 */
export async function printablePicture(bytes: Buffer): Promise<Buffer | null> {
  const mime = mimeOf(bytes);
  if (!mime) return null;
  let bitmap: { data: Buffer; width: number; height: number };
  try {
    const decoded = FORMATS[mime].decode(bytes);
    bitmap = { data: Buffer.from(decoded.data), width: decoded.width, height: decoded.height };
  } catch {
    return null;
  }
  if (Math.max(bitmap.width, bitmap.height) <= PRINT_MAX_SIDE) return bytes;
  const image = new Jimp(bitmap);
  image.scaleToFit({ w: PRINT_MAX_SIDE, h: PRINT_MAX_SIDE });
  return mime === 'image/png' ? image.getBuffer('image/png') : image.getBuffer('image/jpeg', { quality: JPEG_QUALITY });
}
