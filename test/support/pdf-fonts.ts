import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

const name = (key: string): PDFName => PDFName.of(key);

type Bbox = { minX: number; minY: number; maxX: number; maxY: number };
const sameBox = (a: Bbox, b: Bbox): boolean =>
  a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY;

function streamBytes(dict: PDFDict, key: string): Uint8Array {
  const stream = dict.lookup(name(key));
  if (!(stream instanceof PDFRawStream)) throw new Error(`${key} is not a stream`);
  return decodePDFRawStream(stream).decode();
}

/**
 * Characters whose outline embedded in the PDF differs from the font's own glyph. Text extraction cannot see a
 * broken font subset (the ToUnicode map still reads right while the page shows blanks), so this compares each
 * embedded TrueType glyph, found through the ToUnicode map, with the original by its bounding box.
 */
export async function misdrawnCharacters(pdf: Uint8Array, fontBytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const original = fontkit.create(fontBytes);
  const misdrawn: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(name('Subtype')) !== name('Type0')) continue;
    const toUnicode = Buffer.from(streamBytes(object, 'ToUnicode')).toString('latin1');
    const cidFont = object.lookup(name('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const subset = fontkit.create(streamBytes(cidFont.lookup(name('FontDescriptor'), PDFDict), 'FontFile2'));
    for (const [, glyphId, utf16] of toUnicode.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) {
      const text = String.fromCharCode(...(utf16.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
      // pdf-lib lays text out with the font's default features, and Noto Sans SC swaps in shorter digits beside
      // capitals (as in DL-20260612-0007): the character's glyph alone and between capitals are both right.
      const expected = [original.layout(text).glyphs[0], original.layout(`A${text}A`).glyphs[1]].map(
        (glyph) => glyph.path.bbox,
      );
      let actual: Bbox | undefined;
      try {
        actual = subset.getGlyph(parseInt(glyphId, 16)).path.bbox;
      } catch {
        actual = undefined; // a record cut at the wrong offset may not even decode
      }
      if (!expected.some((bbox) => actual !== undefined && sameBox(actual, bbox))) misdrawn.push(text);
    }
  }
  return misdrawn;
}
