import { transformSync } from 'esbuild';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// The Mini Program's packages as WeChat DevTools uploads them (issue 14): each TypeScript file compiled on its own
// to minified JavaScript (project.config.json: useCompilerPlugins typescript, minified), type-only files dropped,
// and wxml, wxss, json and images as they are (DevTools may shrink wxml and wxss further: these figures are an
// upper bound). A file belongs to the subpackage whose root holds it, every other file to the main package.

const ROOT = 'miniprogram';

interface AppJson {
  subpackages?: { root: string; name?: string }[];
  subPackages?: { root: string; name?: string }[];
}

function uploadedBytes(file: string): number {
  if (file.endsWith('.d.ts')) return 0;
  if (!file.endsWith('.ts')) return statSync(file).size;
  const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', target: 'es2017', minify: true });
  return Buffer.byteLength(code);
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

export function benchPackageSizes(): Record<string, number> {
  const app = JSON.parse(readFileSync(join(ROOT, 'app.json'), 'utf8')) as AppJson;
  const roots = (app.subpackages ?? app.subPackages ?? []).map((p) => ({ name: p.name ?? p.root, root: p.root.replace(/\/$/, '') }));
  const bytes: Record<string, number> = { main: 0, ...Object.fromEntries(roots.map((r) => [r.name, 0])) };
  for (const file of filesUnder(ROOT)) {
    const path = relative(ROOT, file).split(sep).join('/');
    const owner = roots.find((r) => path.startsWith(`${r.root}/`))?.name ?? 'main';
    bytes[owner] = bytes[owner]! + uploadedBytes(file);
  }
  const kb = (n: number): number => +(n / 1024).toFixed(1);
  const sizes: Record<string, number> = Object.fromEntries(Object.entries(bytes).map(([name, n]) => [`${name}KB`, kb(n)]));
  return { ...sizes, wholeKB: kb(Object.values(bytes).reduce((a, b) => a + b, 0)) };
}
