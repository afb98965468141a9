import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { type ByteRange, FileExistsError, type FileInfo, type Files } from '../../ports/files';

// Files in a folder. A file id is `local://<path>`; the local runtime serves it at /files/<path>.
const PREFIX = 'local://';

export class FolderFiles implements Files {
  constructor(private readonly root: string, private readonly publicBaseUrl: string) {
    mkdirSync(root, { recursive: true });
  }

  /** The absolute path of a file id, refusing anything that would escape the folder. */
  pathOf(fileId: string): string {
    if (!fileId.startsWith(PREFIX)) throw new Error(`not a local file id: ${fileId}`);
    const rel = normalize(fileId.slice(PREFIX.length));
    if (rel.startsWith('..') || rel.startsWith(sep) || rel.includes('\0')) throw new Error(`bad file id: ${fileId}`);
    return join(this.root, rel);
  }

  async put(path: string, bytes: Buffer): Promise<FileInfo> {
    const fileId = PREFIX + path;
    const abs = this.pathOf(fileId);
    mkdirSync(dirname(abs), { recursive: true });
    try {
      writeFileSync(abs, bytes, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
      throw e;
    }
    return { fileId, size: bytes.length };
  }

  async stat(fileId: string): Promise<FileInfo | null> {
    const abs = this.pathOf(fileId);
    return existsSync(abs) ? { fileId, size: statSync(abs).size } : null;
  }

  async read(fileId: string, range?: ByteRange): Promise<Readable> {
    const abs = this.pathOf(fileId);
    if (!existsSync(abs)) throw new Error(`missing file: ${fileId}`);
    // createReadStream's `end` is inclusive.
    return createReadStream(abs, range ? { start: range.start, end: range.end - 1 } : undefined);
  }

  async downloadUrl(fileId: string): Promise<string> {
    return `${this.publicBaseUrl}/files/${encodeURI(fileId.slice(PREFIX.length))}`;
  }
}
