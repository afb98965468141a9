// Prints the text of a PDF, pages separated by a form feed: `node print-pdf-text.mjs file.pdf`.
// (Not named pdf-text.mjs: jest resolves '.mjs' before '.ts', and pdf-text.ts is the helper tests import.)
// pdfjs-dist 6 is ESM-only, hence a separate script that the CommonJS tests run as a child process.
import fs from 'node:fs';

// pdfjs-dist 6 targets Node 22; Node 20 lacks only this.
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const pdf = await getDocument({ data, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
}
process.stdout.write(pages.join('\f'));
