import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Noto Sans SC Regular (OFL), 10.5 MB. A deployed function folder carries only its own files, so the build copies
// the font next to each function that renders PDFs; in the repository it comes from the npm package.
const DEPLOYED_FONT = path.join(__dirname, 'assets/NotoSansSC-Regular.ttf');
const PACKAGED_FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let cached: Buffer | undefined;

/** The TrueType bytes of the Chinese font the renderers embed; read once per process (warm invocations reuse it). */
export function loadChineseFont(): Buffer {
  if (!cached) {
    // createRequire: the global `require` is typed by the Mini Program typings in this project.
    const file = fs.existsSync(DEPLOYED_FONT) ? DEPLOYED_FONT : createRequire(__filename).resolve(PACKAGED_FONT);
    cached = fs.readFileSync(file);
  }
  return cached;
}
