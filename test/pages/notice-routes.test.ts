// The cloud writes Mini Program paths into notices and subscription messages; a path missing from app.json opens
// nothing (and WeChat refuses the message with 41030). Every path the cloud names must be a page of the app.

declare const __dirname: string;
const fs = require('fs') as { readFileSync(file: string, encoding: 'utf8'): string; readdirSync(dir: string): string[]; statSync(p: string): { isDirectory(): boolean } };
const path = require('path') as { join(...parts: string[]): string; resolve(...parts: string[]): string };

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return fs.statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

test('every page the cloud links to is registered in app.json', () => {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'miniprogram/app.json'), 'utf8')) as {
    pages: string[]; subpackages: Array<{ root: string; pages: string[] }>;
  };
  const registered = new Set([...app.pages, ...app.subpackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]);
  const linked = new Set(
    sources(path.join(root, 'cloudfunctions/src')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/['`]\/((?:package-[a-z-]+\/)?pages\/[a-z-]+\/[a-z-]+)[?'`]/g)].map((m) => m[1]!),
    ),
  );

  expect([...linked]).toEqual(expect.arrayContaining(['package-supervise/pages/draw/draw', 'package-supervise/pages/finding/finding', 'package-supervise/pages/observe/observe', 'pages/credit/credit']));
  expect([...linked].filter((page) => !registered.has(page))).toEqual([]);
});
