import jpegJs from 'jpeg-js';
import { PRINT_MAX_SIDE, printablePicture } from '../../../cloudfunctions/src/render/print-picture';
import { greyJpeg, png } from '../../support/images';

// Archive pictures are scaled down before embedding (issue 16): a phone photo is not printed at 12 megapixels.
// Pure-JavaScript decoding takes seconds on a loaded machine.
jest.setTimeout(60_000);

/** A photo-like JPEG: noise, which no encoder can shrink, so its bytes are as large as a camera's. */
function noisyJpeg(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = (Math.imul(i, 2654435761) >>> 13) & 255;
  return jpegJs.encode({ data, width, height }, 90).data;
}

describe('pictures for print', () => {
  test('a large photo comes back as a JPEG at most 1200 pixels on its long side, in proportion, and much smaller', async () => {
    const photo = noisyJpeg(1600, 1200);
    const printed = (await printablePicture(photo))!;
    const { width, height } = jpegJs.decode(printed);
    expect([width, height]).toEqual([PRINT_MAX_SIDE, 900]);
    expect(printed.length).toBeLessThan(photo.length / 2);
    // The same photo always gives the same bytes, so the archive's hash can be reproduced.
    expect((await printablePicture(photo))!.equals(printed)).toBe(true);
  });

  test('a tall PNG screenshot stays a PNG, scaled on its long side', async () => {
    const screenshot = Buffer.from(png(400, 1600, (x, y) => [x % 256, y % 256, 128, 255]));
    const printed = (await printablePicture(screenshot))!;
    expect(printed.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([printed.readUInt32BE(16), printed.readUInt32BE(20)]).toEqual([300, PRINT_MAX_SIDE]);
  });

  test('a picture already small enough is kept as it is, and bytes that are no picture are left out', async () => {
    const small = Buffer.from(greyJpeg(640, 480, 90));
    expect(await printablePicture(small)).toBe(small);
    expect(await printablePicture(Buffer.from('not a picture at all'))).toBeNull();
  });
});
