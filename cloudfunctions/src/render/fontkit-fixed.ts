import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** The parts of @pdf-lib/fontkit 1.1.1's TrueType subset that the fix below touches (not in its typings). */
interface TrueTypeSubset {
  _addGlyph(glyphId: number): number;
  glyf: Uint8Array[];
  offset: number;
}

interface BufferClass {
  alloc(size: number): Uint8Array;
}

/**
 * @pdf-lib/fontkit 1.1.1 writes a small subset's `loca` table in the short format, which stores offsets halved,
 * but copies glyph records of odd length unpadded: every later offset is then off by a byte and those glyphs
 * print blank or as garbage, while the text still extracts (foliojs/fontkit#191, fixed upstream in fontkit 1.8,
 * never in this fork; Noto Sans SC has odd-length records). Padding each record to even length, as the TrueType
 * spec asks, makes both loca formats right.
 */
function padGlyphRecords(subset: TrueTypeSubset): void {
  const addGlyph = subset._addGlyph;
  subset._addGlyph = function (this: TrueTypeSubset, glyphId: number): number {
    const index = addGlyph.call(this, glyphId);
    const record = this.glyf[index];
    if (record.length % 2 === 1) {
      // Allocated by the record's own class: the fork's encoder accepts only its bundled Buffer polyfill.
      const padded = (record.constructor as unknown as BufferClass).alloc(record.length + 1);
      padded.set(record);
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
}

/** The parts of @pdf-lib/fontkit 1.1.1's layout engine that skipPositioning touches (not in its typings). */
interface LayoutEngine {
  position(run: GlyphRun): void;
}
interface GlyphRun {
  glyphs: { advanceWidth: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  direction: string;
}

/**
 * pdf-lib reads only the glyphs of a layout (their ids to encode text, their advance widths to measure it), never the
 * positions. fontkit computes them anyway, running the font's whole GPOS table (kerning, mark placement) on every
 * call; on a cold render that is a good part of the shaping time. The glyphs are chosen before (GSUB) and are left
 * as they are; right-to-left runs are still reversed, as the full positioning does.
 */
function skipPositioning(engine: LayoutEngine): void {
  engine.position = (run) => {
    run.positions = run.glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    if (run.direction === 'rtl') {
      run.glyphs.reverse();
      run.positions.reverse();
    }
  };
}

/** @pdf-lib/fontkit with TrueType subsets that print every glyph, and layouts that give pdf-lib only what it reads. */
export const fixedFontkit: Fontkit = {
  create(bytes, postscriptName) {
    const font = fontkit.create(bytes, postscriptName);
    skipPositioning((font as unknown as { _layoutEngine: LayoutEngine })._layoutEngine);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      // Only TrueType subsets carry glyph records; a CFF-based font would be left as it is.
      if ('_addGlyph' in subset) padGlyphRecords(subset as unknown as TrueTypeSubset);
      return subset;
    };
    return font;
  },
};
