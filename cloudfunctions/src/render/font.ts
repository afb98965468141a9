import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { knowWidths } from './pdf-flow';

// Noto Sans SC Regular (OFL), 10.5 MB, and its common subset (issue 14). A deployed function folder carries only
// its own files, so the build writes both into the pdf function's assets/; in the repository the full font comes
// from the npm package and there is no subset. Parsing and shaping with the 2.5 MB subset, whose characters' widths
// the build measured, makes a cold render cheaper; a document holding a character the subset lacks (a rare
// character in a name) uses the full font.
const FULL_FONT = 'NotoSansSC-Regular.ttf';
const PACKAGED_FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
/** The subset, and what the build measured of it (CommonFontMetrics, from the subset itself). */
export const COMMON_FONT = 'NotoSansSC-Common.ttf';
export const COMMON_FONT_METRICS = 'NotoSansSC-Common.json';

/** The characters the subset draws, and the width at size 1 of each as the renderers measure it, in the same order. */
export interface CommonFontMetrics {
  characters: string;
  widths: number[];
}

interface CommonFont {
  bytes: Buffer;
  characters: ReadonlySet<number>;
}

/** The Chinese fonts in one folder; each is read once per process (warm invocations reuse it). */
export class ChineseFonts {
  private full: Buffer | undefined;
  private common: CommonFont | null | undefined;

  /** `folder` holds the full font and, optionally, the common subset; without one, the npm package's full font. */
  constructor(private readonly folder?: string) {}

  /**
   * TrueType bytes for a document whose texts are all in `text`: the common subset when it draws every character
   * of it, otherwise (or without `text`) the full font.
   */
  forText(text?: string): Buffer {
    const common = text === undefined ? null : this.commonFont();
    return common && drawsAll(common.characters, text!) ? common.bytes : this.fullFont();
  }

  private fullFont(): Buffer {
    if (!this.full) {
      const deployed = this.folder && path.join(this.folder, FULL_FONT);
      // createRequire: the global `require` is typed by the Mini Program typings in this project.
      this.full = fs.readFileSync(deployed && fs.existsSync(deployed) ? deployed : createRequire(__filename).resolve(PACKAGED_FONT));
    }
    return this.full;
  }

  private commonFont(): CommonFont | null {
    if (this.common === undefined) {
      const file = this.folder && path.join(this.folder, COMMON_FONT);
      if (file && fs.existsSync(file)) {
        const bytes = fs.readFileSync(file);
        const metrics = JSON.parse(fs.readFileSync(path.join(this.folder!, COMMON_FONT_METRICS), 'utf8')) as CommonFontMetrics;
        const characters = [...metrics.characters];
        knowWidths(bytes, new Map(characters.map((ch, i) => [ch, metrics.widths[i]!])));
        this.common = { bytes, characters: new Set(characters.map((ch) => ch.codePointAt(0)!)) };
      } else {
        this.common = null;
      }
    }
    return this.common;
  }
}

/** Line breaks and tabs are not drawn (the renderers turn tabs into spaces); every other character must be. */
function drawsAll(characters: ReadonlySet<number>, text: string): boolean {
  for (const ch of text) if (ch !== '\n' && ch !== '\r' && ch !== '\t' && !characters.has(ch.codePointAt(0)!)) return false;
  return true;
}

/** The fonts deployed beside the built function (its assets/ folder), or the npm package's in the repository. */
export const deployedFonts = new ChineseFonts(path.join(__dirname, 'assets'));

/** TrueType bytes of the font for a document whose texts are in `text` (see ChineseFonts.forText). */
export const loadChineseFont = (text?: string): Buffer => deployedFonts.forText(text);
