import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { codeFingerprint } from '../../../cloudfunctions/src/deploy/code-fingerprint';

// The deployable api folder as CloudBase fetches it on a cold start (issue 14): at most 1 MB, its bundle at most
// 400 KB and free of PDF code — pdf-lib, fontkit and the 10.5 MB font belong to the pdf function alone.
// Reads the folders `npm run build` wrote (npm test builds first).

const folderSize = (dir: string): number =>
  readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    return sum + (statSync(path).isDirectory() ? (name === 'node_modules' ? 0 : folderSize(path)) : statSync(path).size);
  }, 0);

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

const metafileOf = (name: string): Metafile => JSON.parse(readFileSync(join('build/metafiles', `${name}.json`), 'utf8')) as Metafile;
const PDF_CODE = /node_modules\/(pdf-lib|@pdf-lib|fontkit|@expo-google-fonts|exceljs)\/|cloudfunctions\/src\/render\/(?!copy-labels)/;

describe('deployable function folders', () => {
  beforeAll(() => {
    if (!existsSync('cloudfunctions/api/app.js') || !existsSync('build/metafiles/api.json')) throw new Error('run `node scripts/build.mjs` first');
  });

  test('the api folder stays within 1 MB and its bundle within 400 KB', () => {
    expect(folderSize('cloudfunctions/api')).toBeLessThanOrEqual(1024 * 1024);
    expect(statSync('cloudfunctions/api/app.js').size).toBeLessThanOrEqual(400 * 1024);
  });

  test('the api bundle holds no PDF library, no renderer and no font; the pdf function holds them', () => {
    const api = metafileOf('api');
    const [output] = Object.values(api.outputs);
    // The metafile describes the bundle on disk, not an older build.
    expect(output!.bytes).toBe(statSync('cloudfunctions/api/app.js').size);
    expect(Object.keys(output!.inputs).filter((input) => PDF_CODE.test(input))).toEqual([]);
    // Its only asset is the pilot matters' catalogue as data; fonts and pictures stay with the pdf function.
    expect(readdirSync('cloudfunctions/api/assets')).toEqual(['pilot-matters.json']);
    expect(Object.keys(output!.inputs).filter((input) => input.includes('catalogue/pilot-matters'))).toEqual([]);

    const pdf = Object.keys(Object.values(metafileOf('pdf').outputs)[0]!.inputs);
    expect(pdf.some((input) => input.includes('node_modules/pdf-lib/'))).toBe(true);
    expect(pdf.some((input) => input.includes('cloudfunctions/src/render/pdf-jobs.ts'))).toBe(true);
    expect(existsSync('cloudfunctions/pdf/assets/NotoSansSC-Regular.ttf')).toBe(true);
  });

  test('the pdf function’s cold start loads only what a PDF needs: no workbook library, pdf-lib’s deflate native, the font’s common subset beside the full one', () => {
    const pdf = Object.keys(Object.values(metafileOf('pdf').outputs)[0]!.inputs);
    // exceljs is a file of its own, required by the first workbook job; pako's JavaScript deflate is replaced by zlib.
    expect(pdf.filter((input) => /node_modules\/(exceljs|pako)\//.test(input))).toEqual([]);
    expect(readFileSync('cloudfunctions/pdf/app.js', 'utf8')).toContain('require("./lib/exceljs.js")');
    expect(statSync('cloudfunctions/pdf/lib/exceljs.js').size).toBeGreaterThan(100 * 1024);
    const common = statSync('cloudfunctions/pdf/assets/NotoSansSC-Common.ttf').size;
    expect(common).toBeLessThan(statSync('cloudfunctions/pdf/assets/NotoSansSC-Regular.ttf').size / 3);
    const { characters, widths } = JSON.parse(readFileSync('cloudfunctions/pdf/assets/NotoSansSC-Common.json', 'utf8')) as { characters: string; widths: number[] };
    for (const ch of '踏勘同意书承诺□（）：第页共0123456789ABCXYZ') expect(characters).toContain(ch);
    expect(widths).toHaveLength([...characters].length);
  });

  test('the timer functions carry no PDF code either', () => {
    for (const name of ['monthly-draw', 'reminders']) {
      const [output] = Object.values(metafileOf(name).outputs);
      expect(Object.keys(output!.inputs).filter((input) => PDF_CODE.test(input))).toEqual([]);
    }
  });

  test('each function’s index.js hands V8 the code cache the build made; a cache this runtime cannot use is rejected and the bundle still loads', () => {
    // A fresh Node process, as CloudBase loads the folder (jest's own module loader takes the plain require path).
    const load = (dir: string, env: NodeJS.ProcessEnv = {}): { codeCache: string; main: string } =>
      JSON.parse(execFileSync(process.execPath, ['-e', `const f=require(${JSON.stringify(resolve(dir, 'index.js'))});console.log(JSON.stringify({codeCache:f.codeCache,main:typeof f.main}))`], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' })) as { codeCache: string; main: string };
    for (const name of ['api', 'pdf', 'monthly-draw', 'reminders']) {
      expect(load(join('cloudfunctions', name))).toEqual({ codeCache: 'used', main: 'function' });
    }
    // Under build/, so the copy finds node_modules as the original does.
    const dir = mkdtempSync(join('build', 'code-cache-'));
    try {
      cpSync('cloudfunctions/api', dir, { recursive: true });
      expect(load(dir, { RVI_CODE_CACHE: 'off' })).toEqual({ codeCache: 'absent', main: 'function' });
      appendFileSync(join(dir, 'app.js'), '\n// a bundle rebuilt without its cache\n');
      expect(load(dir)).toEqual({ codeCache: 'rejected', main: 'function' });
      writeFileSync(join(dir, 'app.cache'), Buffer.alloc(4096, 7));
      expect(load(dir)).toEqual({ codeCache: 'rejected', main: 'function' });
      rmSync(join(dir, 'app.cache'));
      expect(load(dir)).toEqual({ codeCache: 'absent', main: 'function' });
      // The deploy's fingerprint follows the code, not V8's cache of it (written anew on every build): a folder
      // whose cache differs is the same code, one whose bundle differs is not.
      cpSync('cloudfunctions/api/app.cache', join(dir, 'app.cache'));
      const withCache = codeFingerprint(dir);
      writeFileSync(join(dir, 'app.cache'), Buffer.alloc(16));
      expect(codeFingerprint(dir)).toBe(withCache);
      appendFileSync(join(dir, 'app.js'), '// and again\n');
      expect(codeFingerprint(dir)).not.toBe(withCache);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
