import fontkit from '@pdf-lib/fontkit';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import subsetFont from 'subset-font';
import { COMMON_FONT, COMMON_FONT_METRICS, type CommonFontMetrics } from '../render/font';
import { fixedFontkit } from '../render/fontkit-fixed';
import { widthAtSizeOne } from '../render/pdf-flow';

// Build step (issue 14): the common subset of the Chinese font the pdf function renders with, so a cold render
// parses and shapes 2.4 MB instead of 10.5 MB. hb-subset (HarfBuzz, through subset-font) keeps each kept glyph's
// outline, advance and layout rules as they are in the full font.

/** Blocks of symbols a form or an archive may hold besides the Chinese characters: Latin, punctuation, numbers. */
const SYMBOL_BLOCKS: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0xff], // ASCII, Latin-1
  [0x2000, 0x206f], [0x2100, 0x218f], [0x2190, 0x21ff], [0x2460, 0x24ff], [0x2500, 0x25ff], // punctuation, ℃ Ⅻ, ↑, ①, ─ □
  [0x3000, 0x303f], [0xff00, 0xffef], // CJK punctuation, full-width forms
];

/**
 * GB 2312's characters, its 6,763 hanzi (rows B0–F7) and 682 symbols (rows A1–A9): the set the great majority
 * of Chinese text is written in, read from the two-byte codes with the platform's GB 18030 decoder (which also
 * fills a few gaps of those rows with GBK's characters; private-use code points are left out).
 */
export function gb2312Characters(): string[] {
  const decoder = new TextDecoder('gb18030');
  const characters: string[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) {
    if (row > 0xa9 && row < 0xb0) continue;
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(Uint8Array.of(row, cell));
      const cp = ch.codePointAt(0)!;
      if (ch !== '\ufffd' && [...ch].length === 1 && !(cp >= 0xe000 && cp <= 0xf8ff)) characters.push(ch);
    }
  }
  return characters;
}

/**
 * Writes the common subset of `fullFont` into `folder` with what it draws: GB 2312, the symbol blocks and every
 * character of `alsoText` (the function's own source: each fixed wording it prints). Beside it, each character's
 * width at size 1 measured the way the renderers measure it, so a cold render need not shape them one by one.
 * Answers how many characters the subset draws.
 */
export async function writeCommonFont(fullFont: Buffer, folder: string, alsoText = ''): Promise<number> {
  const wanted = new Set([...gb2312Characters(), ...alsoText]);
  for (const [from, to] of SYMBOL_BLOCKS) for (let cp = from; cp <= to; cp++) wanted.add(String.fromCodePoint(cp));
  const subset = await subsetFont(fullFont, [...wanted].join(''), { targetFormat: 'truetype' });
  // What the subset itself maps, not what was asked for: the renderer trusts this list to choose the subset.
  const drawn = fontkit.create(subset).characterSet.filter((cp) => cp >= 0x20).sort((a, b) => a - b).map((cp) => String.fromCodePoint(cp));
  const doc = await PDFDocument.create();
  doc.registerFontkit(fixedFontkit);
  const font = await doc.embedFont(subset, { subset: true });
  const metrics: CommonFontMetrics = { characters: drawn.join(''), widths: drawn.map((ch) => widthAtSizeOne(font, ch)) };
  writeFileSync(join(folder, COMMON_FONT), subset);
  writeFileSync(join(folder, COMMON_FONT_METRICS), JSON.stringify(metrics));
  return drawn.length;
}
