import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * SHA-256 over a built function folder (every file's relative path and bytes, in path order; node_modules left
 * out as the cloud installs it): deploy uploads code only when this differs from the fingerprint deployed. The
 * code cache (app.cache, code-cache-loader.cjs) is left out too: V8 writes it anew, not byte for byte alike, on
 * every build, and it follows from app.js, which is in.
 */
export function codeFingerprint(folder: string): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || (dir === folder && entry.name === 'app.cache')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(folder);
  const hash = createHash('sha256');
  for (const path of files.map((p) => relative(folder, p).split(sep).join('/')).sort()) {
    const bytes = readFileSync(join(folder, path));
    hash.update(`${path}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex');
}
