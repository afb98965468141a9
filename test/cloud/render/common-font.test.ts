import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import subsetFont from 'subset-font';
import { FolderFileRemover } from '../../../cloudfunctions/src/adapters/local/folder-file-remover';
import { FolderFiles } from '../../../cloudfunctions/src/adapters/local/folder-files';
import { SqliteStore } from '../../../cloudfunctions/src/adapters/local/sqlite-store';
import { CONSENT_FORM_V1, type FormValues } from '../../../cloudfunctions/src/catalogue/form-templates';
import { gb2312Characters, writeCommonFont } from '../../../cloudfunctions/src/deploy/common-font';
import type { SignedFormJob } from '../../../cloudfunctions/src/ports/pdf';
import { COMMON_FONT, COMMON_FONT_METRICS, ChineseFonts, type CommonFontMetrics, loadChineseFont } from '../../../cloudfunctions/src/render/font';
import { type PdfWorkerDeps, servePdfJob } from '../../../cloudfunctions/src/render/pdf-jobs';
import { renderSignedForm } from '../../../cloudfunctions/src/render/signed-form-pdf';
import { signaturePng } from '../../support/images';
import { misdrawnCharacters } from '../../support/pdf-fonts';
import { pdfText, squeeze } from '../../support/pdf-text';

// The pdf function renders with the common subset of Noto Sans SC the build writes (issue 14: a cold render parses
// a quarter of the font), and with the full font whenever a document holds a character the subset lacks.

const full = loadChineseFont();
const values: FormValues = {
  officeName: '示范区行政审批局', district: '示范区', companyName: '青禾餐饮有限公司', creditCode: '91310000MA1K000001',
  applicantName: '王小明', matterName: '食品经营许可', premisesAddress: '示范路1号（东侧）', caseNumber: 'TK-2026-0001',
};
// 喆 and 堃 are common in names and outside GB 2312; 𠀀 (Extension B) is in no font the function has.
const RARE_NAME = '李喆堃';

describe('the common subset of the Chinese font', () => {
  let folder: string;
  let fonts: ChineseFonts;
  let drawn: number;
  /** The full font as `fonts` reads it (its own copy of the bytes). */
  let fontsFull: Buffer;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'common-font-'));
    drawn = await writeCommonFont(full, folder, '踏勘（）');
    fonts = new ChineseFonts(folder);
    fontsFull = fonts.forText();
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  test('holds GB 2312 and the wording given, in a quarter of the full font, with each character’s width', () => {
    const gb2312 = gb2312Characters();
    expect(gb2312.filter((ch) => /\p{Script=Han}/u.test(ch)).length).toBeGreaterThanOrEqual(6763);
    expect(gb2312).toEqual(expect.arrayContaining(['踏', '勘', '鑫', '□', '①', '￥', '、']));
    expect(gb2312.filter((ch) => ch >= '\ue000' && ch <= '\uf8ff')).toEqual([]);
    expect(drawn).toBeGreaterThan(7000);
    const metrics = JSON.parse(fs.readFileSync(path.join(folder, COMMON_FONT_METRICS), 'utf8')) as CommonFontMetrics;
    expect([...metrics.characters]).toHaveLength(drawn);
    expect(metrics.widths).toHaveLength(drawn);
    // Ideographs are square; Latin letters narrower.
    expect(metrics.widths[[...metrics.characters].indexOf('踏')]).toBe(1);
    expect(metrics.widths[[...metrics.characters].indexOf('i')]).toBeLessThan(0.5);
    expect(fs.statSync(path.join(folder, COMMON_FONT)).size).toBeLessThan(full.length / 3);
    expect(fonts.forText(`${values.companyName}${values.premisesAddress}踏勘□`).length).toBe(fs.statSync(path.join(folder, COMMON_FONT)).size);
  });

  test('a text with a character outside it, or no text, gets the full font', () => {
    expect(fontsFull.equals(full)).toBe(true);
    expect(fonts.forText(`申请人${RARE_NAME}`)).toBe(fontsFull);
    expect(fonts.forText('𠀀')).toBe(fontsFull);
    // Without a subset beside it (the repository's source tree), always the full font.
    expect(new ChineseFonts(os.tmpdir()).forText('王小明').length).toBe(full.length);
  });

  test('a form rendered with it reads the same and draws every glyph with the full font’s own outline', async () => {
    const input = { template: CONSENT_FORM_V1, values, signaturePng: signaturePng(), signedAt: new Date('2026-11-02T02:00:00Z'), copy: 'applicant' as const };
    const common = fonts.forText(JSON.stringify(input));
    expect(common).not.toBe(fontsFull);
    const withCommon = await renderSignedForm({ ...input, fontBytes: common });
    const withFull = await renderSignedForm({ ...input, fontBytes: full });
    expect(withCommon.unsupportedCharacters).toEqual([]);
    expect(pdfText(withCommon.bytes)).toBe(pdfText(withFull.bytes));
    expect(await misdrawnCharacters(withCommon.bytes, full)).toEqual([]);
    // The widths the build measured are the ones the renderer would measure: the same bytes as a copy of the font
    // the renderer knows nothing about.
    const unmeasured = await renderSignedForm({ ...input, fontBytes: Buffer.from(common) });
    expect(Buffer.from(unmeasured.bytes).equals(Buffer.from(withCommon.bytes))).toBe(true);
  });

  describe('the pdf function’s choice', () => {
    let dir: string;
    let deps: PdfWorkerDeps;
    let files: FolderFiles;
    let signatureFileId: string;
    let store: SqliteStore;
    const chosen: string[] = [];

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'common-font-jobs-'));
      store = new SqliteStore(path.join(dir, 'db.sqlite'));
      files = new FolderFiles(path.join(dir, 'files'), 'http://127.0.0.1:1');
      signatureFileId = (await files.put('uploads/u1/signature.png', Buffer.from(signaturePng()))).fileId;
      const font = (text?: string): Uint8Array => {
        const bytes = fonts.forText(text);
        chosen.push(bytes === fontsFull ? 'full' : 'common');
        return bytes;
      };
      deps = { store, files, remover: new FolderFileRemover(files), now: () => new Date(), font };
    });
    afterAll(() => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    let n = 0;
    const serve = async (applicantName: string, with_: PdfWorkerDeps = deps, signature = signatureFileId) => {
      const jobId = (++n).toString(16).padStart(32, '0');
      const job: SignedFormJob = {
        kind: 'signedForm', caseId: 'c-1', pathPrefix: `cases/c-1/forms/consent-v1-applicant-${n}`, template: CONSENT_FORM_V1, copy: 'applicant',
        values: { ...values, applicantName }, signedAt: '2026-11-02T02:00:00.000Z', signatureFileId: signature,
      };
      await store.insert('pdfJobs', jobId, { job, createdAt: new Date().toISOString() });
      chosen.length = 0;
      return servePdfJob(with_, { jobId });
    };
    const render = async (applicantName: string, with_: PdfWorkerDeps = deps) => {
      const answer = await serve(applicantName, with_);
      if (!answer.ok) throw new Error(answer.message);
      const chunks: Buffer[] = [];
      for await (const chunk of await files.read(answer.document.fileId)) chunks.push(chunk as Buffer);
      return { document: answer.document, bytes: Buffer.concat(chunks) };
    };

    test('a signature that is gone, or larger than a signature can be, renders nothing and says so', async () => {
      const gone = await serve('王小明', deps, signatureFileId.replace('signature.png', 'gone.png'));
      const huge = (await files.put('uploads/u1/huge.png', Buffer.concat([Buffer.from(signaturePng()), Buffer.alloc(1024 * 1024)]))).fileId;
      const tooLarge = await serve('王小明', deps, huge);
      for (const answer of [gone, tooLarge]) expect(answer).toEqual({ ok: false, code: 'NOT_FOUND', message: '签名图片已不存在，请重新签名' });
      expect(chosen).toEqual([]);
    });

    test('renders a common name with the subset', async () => {
      const { document, bytes } = await render('王小明');
      expect(chosen).toEqual(['common']);
      expect(document.unsupportedCharacters).toEqual([]);
      expect(squeeze(pdfText(bytes))).toContain('王小明');
    });

    test('renders a name with a rare character with the full font: every character prints', async () => {
      const { document, bytes } = await render(RARE_NAME);
      expect(chosen).toEqual(['full']);
      expect(document.unsupportedCharacters).toEqual([]);
      expect(squeeze(pdfText(bytes))).toContain(RARE_NAME);
      expect(await misdrawnCharacters(bytes, full)).toEqual([]);
    });

    test('a character no font has is reported and printed as □, as before', async () => {
      const { document, bytes } = await render('王𠀀明');
      // Asked for the full font again after rendering: the same font, so no second render.
      expect(chosen).toEqual(['full', 'full']);
      expect(document.unsupportedCharacters).toEqual(['𠀀']);
      expect(squeeze(pdfText(bytes))).toContain('王□明');
    });

    test('wording of the renderer’s own that the chosen font lacks sends the document to the full font', async () => {
      // A subset that draws the job's text but not the form's fixed wording (页, 签, dates…).
      const job = JSON.stringify({ values, template: CONSENT_FORM_V1 });
      const narrow = await subsetFont(full, job, { targetFormat: 'truetype' });
      const used: string[] = [];
      const font = (text?: string): Uint8Array => {
        used.push(text === undefined ? 'full' : 'narrow');
        return text === undefined ? full : narrow;
      };
      const { document, bytes } = await render('王小明', { ...deps, font });
      expect(used).toEqual(['narrow', 'full']);
      expect(document.unsupportedCharacters).toEqual([]);
      expect(squeeze(pdfText(bytes))).toContain('第1页共2页');
      expect(await misdrawnCharacters(bytes, full)).toEqual([]);
    });
  });
});
