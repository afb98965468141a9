import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'print-pdf-text.mjs');

/** The text a real PDF reader (pdfjs) finds in the document; pages are separated by '\f'. */
export function pdfText(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-text-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Readers split CJK text into runs with spaces and line breaks between them: compare without any whitespace. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');
