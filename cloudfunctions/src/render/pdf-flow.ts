import { PDFDocument, PDFFont, PDFImage, PDFPage, RGB, rgb, setCharacterSpacing } from 'pdf-lib';
import { fixedFontkit } from './fontkit-fixed';

/** A rendered PDF and what it could not print faithfully, for the caller to record beside the document. */
export interface RenderedPdf {
  bytes: Uint8Array;
  /** Distinct characters the font has no glyph for (rare Extension B ideographs…), printed as '□' instead. */
  unsupportedCharacters: string[];
}

/** Printed in place of a character the font cannot draw: visible on paper, unlike pdf-lib's silent blank. */
const REPLACEMENT_CHARACTER = '□';

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  /** Creation and modification date: taken from the input, never the clock, so equal inputs give equal bytes. */
  date: Date;
}

export interface TextStyle {
  size?: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  /** First-line indent in points (formal Chinese prose indents two characters). */
  indent?: number;
  align?: 'left' | 'center';
  color?: RGB;
}

export interface Column {
  width: number;
  align?: 'left' | 'center';
}

export interface TableOptions {
  size?: number;
  /** Column titles, repeated at the top of every page the table runs onto. */
  header?: string[];
  /** Shades the first column: a two-column table of labels and values. */
  labelColumn?: boolean;
}

const INK = rgb(0, 0, 0);
export const MUTED = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.93, 0.93, 0.93);

const PAGE_WIDTH = 595.28; // A4 in points
const PAGE_HEIGHT = 841.89;
const MARGIN = { top: 72, bottom: 60, left: 60, right: 60 };
const CELL_PADDING = 4;
const TABLE_TEXT_SIZE = 10.5;
const TABLE_LEADING = 1.5;
const SIGNATURE_BOX = { width: 160, height: 60 };
/** Vertical space one signature takes, image and gap. */
export const SIGNATURE_LINE_HEIGHT = SIGNATURE_BOX.height + 8;

// Line-breaking rules of Chinese typesetting (GB/T 15834 practice): closing punctuation never starts a line,
// opening punctuation never ends one. Such marks are glued to their neighbour before lines are filled.
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

const lineCount = (cellLines: string[][]): number => Math.max(1, ...cellLines.map((lines) => lines.length));

/** Splits a line into unbreakable units: one CJK character, one run of ASCII (a code, a hash), or spaces. */
function breakUnits(line: string): string[] {
  const units: string[] = [];
  let glueNext = false;
  for (const token of line.match(/ +|[!-~]+|./gu) ?? []) {
    const space = token.startsWith(' ');
    const last = units.length - 1;
    if (last >= 0 && !space && !units[last].endsWith(' ') && (glueNext || NO_LINE_START.has(token[0]))) {
      units[last] += token;
    } else {
      units.push(token);
    }
    glueNext = !space && NO_LINE_END.has(token.slice(-1));
  }
  return units;
}

/** What the renderers learn about a font once per process: warm invocations skip a few hundred ms of lookups. */
interface FontMetrics {
  coverage: ReadonlySet<number>;
  /** Advance width of each character at size 1. */
  widths: Map<string, number>;
}
const metricsByFont = new WeakMap<Uint8Array, FontMetrics>();
/** Widths at size 1 measured ahead of time (by the build, as measure() does), by font. */
const knownWidthsByFont = new WeakMap<Uint8Array, ReadonlyMap<string, number>>();

/**
 * Gives the renderers the width at size 1 of characters of a font, measured beforehand exactly as measure() would
 * (pdf-lib's widthOfTextAtSize): a cold render then shapes only the characters it has no width for.
 */
export function knowWidths(fontBytes: Uint8Array, widths: ReadonlyMap<string, number>): void {
  knownWidthsByFont.set(fontBytes, widths);
}

/** What measure() records for one character: pdf-lib's width of it alone at size 1. */
export const widthAtSizeOne = (font: PDFFont, ch: string): number => font.widthOfTextAtSize(ch, 1);

const isPng = (b: Uint8Array): boolean => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array): boolean => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/**
 * An A4 document written top to bottom: text wrapped for Chinese, tables and images, new pages as needed;
 * running headers and page numbers are added at the end, when the page count is known.
 */
export class PdfFlow {
  readonly left = MARGIN.left;
  readonly contentWidth = PAGE_WIDTH - MARGIN.left - MARGIN.right;
  private readonly unsupported = new Set<string>();
  private page: PDFPage;
  private cursor = 0;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly metrics: FontMetrics,
  ) {
    this.page = this.newPage();
  }

  static async open(fontBytes: Uint8Array, info: DocumentInfo): Promise<PdfFlow> {
    // updateMetadata:false keeps pdf-lib from stamping the current time; every field is set below instead.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fixedFontkit);
    // subset:true embeds only the glyphs used (about 10 KB instead of 10 MB) and keeps the text extractable.
    const font = await doc.embedFont(fontBytes, { subset: true });
    doc.setTitle(info.title, { showInWindowTitleBar: true });
    doc.setAuthor(info.author);
    doc.setSubject(info.subject);
    doc.setCreator('远程视频踏勘');
    doc.setProducer('pdf-lib');
    doc.setLanguage('zh-CN');
    doc.setCreationDate(info.date);
    doc.setModificationDate(info.date);
    let metrics = metricsByFont.get(fontBytes);
    if (!metrics) {
      metrics = { coverage: new Set(font.getCharacterSet()), widths: new Map(knownWidthsByFont.get(fontBytes)) };
      metricsByFont.set(fontBytes, metrics);
    }
    return new PdfFlow(doc, font, metrics);
  }

  /** Top of the space left on the current page. */
  get y(): number {
    return this.cursor;
  }

  moveDown(points: number): void {
    this.cursor -= points;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.cursor - height < MARGIN.bottom) this.newPage();
  }

  /** Replaces characters the font cannot draw with '□' and remembers them for the report. */
  clean(text: string): string {
    let out = '';
    for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
      if (ch === '\n' || this.metrics.coverage.has(ch.codePointAt(0) as number)) {
        out += ch;
      } else {
        this.unsupported.add(ch);
        out += REPLACEMENT_CHARACTER;
      }
    }
    return out;
  }

  /** Width of cleaned text: the sum of its characters' advances (pdf-lib adds no kerning either). */
  measure(text: string, size: number): number {
    let width = 0;
    for (const ch of text) {
      let advance = this.metrics.widths.get(ch);
      if (advance === undefined) {
        advance = widthAtSizeOne(this.font, ch);
        this.metrics.widths.set(ch, advance);
      }
      width += advance;
    }
    return width * size;
  }

  /** Lines of at most `width` points; '\n' forces a break; only the first line is indented. */
  wrap(text: string, size: number, width: number, indent = 0): string[] {
    return this.wrapLines(text, size, width, indent).map((line) => line.text);
  }

  /** Prose: wrapped, and justified like printed Chinese (两端对齐) except the last line before a break. */
  paragraph(text: string, style: TextStyle = {}): void {
    const { size = 12, leading = 1.7, indent = 0, align = 'left', color = INK } = style;
    const lineHeight = size * leading;
    this.wrapLines(text, size, this.contentWidth, indent).forEach((line, i) => {
      this.ensure(lineHeight);
      const lineIndent = i === 0 ? indent : 0;
      const slack = this.contentWidth - lineIndent - this.measure(line.text, size);
      const gaps = [...line.text].length - 1;
      // A line that broke early before a long code keeps its gap rather than spreading its characters apart.
      const spacing = align === 'left' && !line.last && gaps > 0 && slack / gaps < 0.3 * size ? slack / gaps : 0;
      const x = align === 'center' ? this.left + slack / 2 : this.left + lineIndent;
      this.drawText(line.text, x, this.baselineIn(this.cursor, lineHeight, size), size, color, spacing);
      this.cursor -= lineHeight;
    });
  }

  /** A section heading, kept on the same page as the first `keepWith` points of what follows it. */
  heading(text: string, keepWith = 60): void {
    const size = 13;
    this.moveDown(10);
    this.ensure(size * 1.6 + keepWith);
    this.paragraph(text, { size, leading: 1.6 });
    this.moveDown(4);
  }

  /** A label with a handwritten signature standing on its line, starting at `x`. */
  signature(label: string, image: PDFImage, x: number, size = 12): void {
    this.ensure(SIGNATURE_LINE_HEIGHT);
    const labelWidth = this.measure(this.clean(label), size);
    const top = this.cursor;
    this.drawText(label, x, top - SIGNATURE_BOX.height + 4, size);
    const width = Math.min(SIGNATURE_BOX.width, this.left + this.contentWidth - x - labelWidth);
    this.drawImage(image, x + labelWidth, top, { width, height: SIGNATURE_BOX.height, anchor: 'bottom-left' });
    this.cursor -= SIGNATURE_LINE_HEIGHT;
  }

  /** One line of text at an absolute position, not wrapped. */
  drawText(text: string, x: number, baseline: number, size: number, color: RGB = INK, charSpacing = 0): void {
    if (charSpacing) this.page.pushOperators(setCharacterSpacing(charSpacing));
    this.page.drawText(this.clean(text), { x, y: baseline, size, font: this.font, color });
    if (charSpacing) this.page.pushOperators(setCharacterSpacing(0));
  }

  /** Baseline that centres a line of `size` in a line box whose top is `top`. */
  baselineIn(top: number, lineHeight: number, size: number): number {
    // The ideographic em box spans 0.88 of the size above the baseline and 0.12 below it.
    return top - lineHeight / 2 - 0.38 * size;
  }

  table(columns: Column[], rows: string[][], options: TableOptions = {}): void {
    const size = options.size ?? TABLE_TEXT_SIZE;
    const lineHeight = size * TABLE_LEADING;
    const heightOf = (count: number): number => count * lineHeight + 2 * CELL_PADDING;

    const drawRow = (lines: string[][], from: number, count: number, isHeader: boolean): void => {
      const height = heightOf(count);
      let x = this.left;
      columns.forEach((column, i) => {
        const shaded = isHeader || (options.labelColumn === true && i === 0);
        this.page.drawRectangle({
          x,
          y: this.cursor - height,
          width: column.width,
          height,
          borderColor: RULE,
          borderWidth: 0.5,
          ...(shaded ? { color: SHADE } : {}),
        });
        lines[i].slice(from, from + count).forEach((line, k) => {
          const top = this.cursor - CELL_PADDING - k * lineHeight;
          const inner = column.width - 2 * CELL_PADDING;
          const dx = column.align === 'center' || isHeader ? (inner - this.measure(line, size)) / 2 : 0;
          this.drawText(line, x + CELL_PADDING + dx, this.baselineIn(top, lineHeight, size), size);
        });
        x += column.width;
      });
      this.cursor -= height;
    };

    const header = options.header && this.cellLines(columns, options.header, size);
    const headerHeight = header ? heightOf(lineCount(header)) : 0;
    const drawHeader = (): void => {
      if (header) drawRow(header, 0, lineCount(header), true);
    };
    const freshPageLines = Math.floor((this.fullPageHeight() - headerHeight - 2 * CELL_PADDING) / lineHeight);

    this.ensure(headerHeight + heightOf(1));
    drawHeader();
    for (const row of rows) {
      const lines = this.cellLines(columns, row, size);
      const total = lineCount(lines);
      let from = 0;
      while (from < total) {
        const fits = Math.floor((this.cursor - MARGIN.bottom - 2 * CELL_PADDING) / lineHeight);
        const rest = total - from;
        if (fits >= rest) {
          drawRow(lines, from, rest, false);
          from = total;
        } else if (fits < 1 || (from === 0 && rest <= freshPageLines)) {
          // Keep a row whole when a fresh page can hold it; split only rows taller than a page.
          this.newPage();
          drawHeader();
        } else {
          drawRow(lines, from, fits, false);
          from += fits;
          this.newPage();
          drawHeader();
        }
      }
    }
  }

  /** Height of the table on one page: lets a short table be kept together with what follows it. */
  tableHeight(columns: Column[], rows: string[][], options: TableOptions = {}): number {
    const size = options.size ?? TABLE_TEXT_SIZE;
    const all = options.header ? [options.header, ...rows] : rows;
    return all.reduce(
      (sum, row) => sum + lineCount(this.cellLines(columns, row, size)) * size * TABLE_LEADING + 2 * CELL_PADDING,
      0,
    );
  }

  /** Embeds a PNG or JPEG once; the returned image can be drawn any number of times. */
  async embedImage(bytes: Uint8Array): Promise<PDFImage> {
    // pdf-lib reads a JPEG through its whole underlying ArrayBuffer from offset 0: a pooled or sliced Buffer
    // would be misread, so it gets bytes of its own.
    const own = new Uint8Array(bytes);
    if (isPng(own)) return this.doc.embedPng(own);
    if (isJpeg(own)) return this.doc.embedJpg(own);
    throw new Error('图片不是 PNG 或 JPEG 格式，无法打印');
  }

  /** Draws an image scaled to fit the box (never enlarged), the box's top at `top`. */
  drawImage(
    image: PDFImage,
    x: number,
    top: number,
    box: { width: number; height: number; anchor: 'top-centre' | 'bottom-left' },
  ): void {
    const scale = Math.min(1, box.width / image.width, box.height / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    const at =
      box.anchor === 'top-centre'
        ? { x: x + (box.width - width) / 2, y: top - height }
        : { x, y: top - box.height };
    this.page.drawImage(image, { ...at, width, height });
  }

  /** Dark squares of a `count`×`count` grid (a QR code's modules), drawn as vectors: sharp at any printer's resolution. */
  squareGrid(count: number, isDark: (row: number, column: number) => boolean, x: number, top: number, moduleSize: number): void {
    // A row's run of dark modules is one rectangle: no hairline seams between neighbours.
    for (let row = 0; row < count; row++) {
      for (let column = 0; column < count; column++) {
        if (!isDark(row, column)) continue;
        let end = column + 1;
        while (end < count && isDark(row, end)) end++;
        this.page.drawRectangle({ x: x + column * moduleSize, y: top - (row + 1) * moduleSize, width: (end - column) * moduleSize, height: moduleSize, color: INK });
        column = end;
      }
    }
  }

  /**
   * Adds the running header and 第 n 页 共 m 页 to every page, appends the pages of `appendix` (PDFs kept as they
   * are, their own headers included), and saves.
   */
  async finish(header: { left: string; right: string }, appendix: readonly Uint8Array[] = []): Promise<RenderedPdf> {
    const pages = this.doc.getPages();
    const size = 9;
    const left = this.clean(header.left);
    const right = this.clean(header.right);
    pages.forEach((page, i) => {
      this.page = page;
      const baseline = PAGE_HEIGHT - 44;
      this.drawText(left, this.left, baseline, size, MUTED);
      this.drawText(right, this.left + this.contentWidth - this.measure(right, size), baseline, size, MUTED);
      page.drawLine({
        start: { x: this.left, y: baseline - 6 },
        end: { x: this.left + this.contentWidth, y: baseline - 6 },
        thickness: 0.5,
        color: RULE,
      });
      const folio = `第 ${i + 1} 页 共 ${pages.length} 页`;
      this.drawText(folio, this.left + (this.contentWidth - this.measure(folio, size)) / 2, 32, size, MUTED);
    });
    for (const attached of appendix) {
      // updateMetadata:false: loading must not stamp the current time (the same input gives the same bytes).
      const source = await PDFDocument.load(attached, { updateMetadata: false });
      for (const page of await this.doc.copyPages(source, source.getPageIndices())) this.doc.addPage(page);
    }
    const bytes = await this.doc.save();
    return { bytes, unsupportedCharacters: [...this.unsupported] };
  }

  private wrapLines(text: string, size: number, width: number, indent: number): { text: string; last: boolean }[] {
    const lines: { text: string; last: boolean }[] = [];
    let max = width - indent;
    for (const hardLine of this.clean(text).split('\n')) {
      let line = '';
      let used = 0;
      const breakLine = (last = false): void => {
        lines.push({ text: line.trimEnd(), last });
        line = '';
        used = 0;
        max = width;
      };
      for (const unit of breakUnits(hardLine)) {
        const w = this.measure(unit, size);
        if (used + w <= max) {
          line += unit;
          used += w;
        } else if (unit.startsWith(' ')) {
          if (line) breakLine(); // a break at a space swallows the space
        } else {
          if (line) breakLine();
          if (w <= max) {
            line = unit;
            used = w;
          } else {
            // Longer than a whole line (a long code or address without spaces): break inside it.
            for (const ch of unit) {
              const cw = this.measure(ch, size);
              if (used + cw > max && line) breakLine();
              line += ch;
              used += cw;
            }
          }
        }
      }
      breakLine(true);
    }
    return lines;
  }

  private cellLines(columns: Column[], cells: string[], size: number): string[][] {
    return cells.map((cell, i) => this.wrap(cell, size, columns[i].width - 2 * CELL_PADDING));
  }

  private fullPageHeight(): number {
    return PAGE_HEIGHT - MARGIN.top - MARGIN.bottom;
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.cursor = PAGE_HEIGHT - MARGIN.top;
    return this.page;
  }
}
