import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  constants, copyFileSync, createReadStream, createWriteStream, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync,
  statSync, writeFileSync,
} from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ByteRange, FILE_LINK_SECONDS, FileExistsError, type FileInfo, type Files } from '../../ports/files';
import { contentTypeOf } from '../../domain/file-type';

// Files in a folder, behaving as CloudBase storage does towards clients. A file id is `local://<path>`.
// - Reads only through a link from downloadUrl(): `/files/<path>?expires=…&sign=…`, an HMAC over the path and the
//   expiry with a key kept beside the folder (so the runtime and the functions it loads agree), refused when it
//   is missing, altered or past its time, as a CloudBase temporary URL is.
// - Client writes (receiveUpload, what wx.uploadFile reaches) only under `uploads/<own openid>/` once the path is
//   normalised, and over an existing file only the caller's own: the platform's rule `resource.openid == auth.openid`.
// - Each file has a record (owner, content type) in `<folder>.records/`, keyed by a hash of its path.

const PREFIX = 'local://';
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

interface FileRecord {
  /** Who wrote it from the Mini Program; null when a function wrote it. */
  owner: string | null;
  contentType: string;
}

/** What storage refuses a client, with the HTTP status the local runtime answers. */
export class StorageRefusal extends Error {
  constructor(readonly status: 403 | 404 | 413, readonly code: 'FORBIDDEN' | 'LINK_EXPIRED' | 'NOT_FOUND' | 'TOO_LARGE', message: string) {
    super(message);
  }
}

/** A file a valid link leads to. */
export interface LinkedFile {
  absolutePath: string;
  size: number;
  contentType: string;
}

/** A path inside the folder, normalised, or null when it would leave it or is not a file path at all. */
function cleanPath(path: string): string | null {
  if (path.includes('\0') || path.includes('\\')) return null;
  const clean = posix.normalize(path);
  if (clean.startsWith('/') || clean === '.' || clean.endsWith('/') || clean.split('/').includes('..')) return null;
  return clean;
}

export class FolderFiles implements Files {
  private readonly recordsRoot: string;
  private readonly linkKey: Buffer;

  constructor(private readonly root: string, private readonly publicBaseUrl: string, private readonly nowMs: () => number = Date.now) {
    this.recordsRoot = `${root}.records`;
    mkdirSync(root, { recursive: true });
    mkdirSync(this.recordsRoot, { recursive: true });
    this.linkKey = sharedKey(join(this.recordsRoot, 'link-key'));
  }

  /** The absolute path of a file id, refusing anything that would escape the folder. */
  pathOf(fileId: string): string {
    if (!fileId.startsWith(PREFIX)) throw new Error(`not a local file id: ${fileId}`);
    const rel = cleanPath(fileId.slice(PREFIX.length));
    if (!rel) throw new Error(`bad file id: ${fileId}`);
    return join(this.root, rel);
  }

  async put(path: string, bytes: Buffer): Promise<FileInfo> {
    const abs = this.serverTarget(path);
    try {
      writeFileSync(abs, bytes, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
      throw e;
    }
    this.writeRecord(path, { owner: null, contentType: contentTypeOf(path) });
    return { fileId: PREFIX + path, size: bytes.length };
  }

  async copy(fileId: string, toPath: string): Promise<FileInfo> {
    const from = this.pathOf(fileId);
    if (!isFile(from)) throw new Error(`missing file: ${fileId}`);
    const to = this.serverTarget(toPath);
    try {
      copyFileSync(from, to, constants.COPYFILE_EXCL);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(toPath);
      throw e;
    }
    this.writeRecord(toPath, { owner: null, contentType: contentTypeOf(toPath) });
    return { fileId: PREFIX + toPath, size: statSync(to).size };
  }

  async stat(fileId: string): Promise<FileInfo | null> {
    const abs = this.pathOf(fileId);
    return isFile(abs) ? { fileId, size: statSync(abs).size } : null;
  }

  async read(fileId: string, range?: ByteRange): Promise<Readable> {
    const abs = this.pathOf(fileId);
    if (!isFile(abs)) throw new Error(`missing file: ${fileId}`);
    // createReadStream's `end` is inclusive.
    return createReadStream(abs, range ? { start: range.start, end: range.end - 1 } : undefined);
  }

  async downloadUrl(fileId: string, seconds: number = FILE_LINK_SECONDS): Promise<string> {
    this.pathOf(fileId);
    const path = fileId.slice(PREFIX.length);
    const expires = Math.floor(this.nowMs() / 1000) + seconds;
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return `${this.publicBaseUrl}/files/${encoded}?expires=${expires}&sign=${this.sign(path, expires)}`;
  }

  /**
   * The file a `/files/…` request leads to, when it carries a valid, unexpired link. The signature is checked before
   * the file is looked for, so an unsigned request learns nothing about what exists.
   */
  openLink(encodedPath: string, query: URLSearchParams): LinkedFile {
    const refused = new StorageRefusal(403, 'FORBIDDEN', '文件不能直接读取，请通过办件中的链接打开');
    let path: string | null;
    try {
      path = cleanPath(decodeURIComponent(encodedPath));
    } catch {
      path = null;
    }
    const expires = Number(query.get('expires'));
    const sign = query.get('sign') ?? '';
    if (!path || !Number.isSafeInteger(expires) || !this.signatureMatches(path, expires, sign)) throw refused;
    if (expires * 1000 < this.nowMs()) throw new StorageRefusal(403, 'LINK_EXPIRED', '链接已过期，请重新打开');
    const absolutePath = join(this.root, path);
    if (!isFile(absolutePath)) throw new StorageRefusal(404, 'NOT_FOUND', '文件不存在');
    return { absolutePath, size: statSync(absolutePath).size, contentType: this.readRecord(path)?.contentType ?? contentTypeOf(path) };
  }

  /**
   * A client's upload (wx.uploadFile in local mode), streamed to disk: allowed only under `uploads/<openid>/` after
   * normalising, over an existing file only the caller's own (as CloudBase, it then replaces it), and at most
   * `maxBytes`; a refused or broken upload leaves nothing behind.
   */
  async receiveUpload(openid: string, cloudPath: string, source: Readable, maxBytes: number): Promise<FileInfo> {
    const path = cleanPath(cloudPath);
    if (!OPENID.test(openid) || !path || !path.startsWith(`uploads/${openid}/`)) {
      throw new StorageRefusal(403, 'FORBIDDEN', '只能上传到本人的文件夹');
    }
    const abs = join(this.root, path);
    if (existsSync(abs) && (!isFile(abs) || this.readRecord(path)?.owner !== openid)) throw new StorageRefusal(403, 'FORBIDDEN', '不能覆盖他人的文件');
    mkdirSync(dirname(abs), { recursive: true });
    const partial = `${abs}.part-${randomBytes(6).toString('hex')}`;
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        size += chunk.length;
        next(size > maxBytes ? new StorageRefusal(413, 'TOO_LARGE', '文件大小超过申请上传时声明的大小') : null, chunk);
      },
    });
    const out = createWriteStream(partial, { flags: 'wx' });
    try {
      await pipeline(source, limit, out);
      renameSync(partial, abs);
    } catch (e) {
      // The file may still be opening when the pipeline fails: remove it only once the stream has closed.
      if (!out.closed) await new Promise<void>((closed) => out.once('close', () => closed()));
      rmSync(partial, { force: true });
      throw e;
    }
    this.writeRecord(path, { owner: openid, contentType: contentTypeOf(path) });
    return { fileId: PREFIX + path, size };
  }

  /** Where a function writes `path`: its folder made, the path already clean (the functions build their paths). */
  private serverTarget(path: string): string {
    if (cleanPath(path) !== path) throw new Error(`bad path: ${path}`);
    const abs = join(this.root, path);
    mkdirSync(dirname(abs), { recursive: true });
    return abs;
  }

  private recordPath(path: string): string {
    return join(this.recordsRoot, `${createHash('sha256').update(path).digest('hex')}.json`);
  }

  private readRecord(path: string): FileRecord | null {
    const file = this.recordPath(path);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FileRecord) : null;
  }

  private writeRecord(path: string, record: FileRecord): void {
    writeFileSync(this.recordPath(path), JSON.stringify({ path, ...record }));
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.linkKey).update(`${path}\n${expires}`).digest('base64url');
  }

  private signatureMatches(path: string, expires: number, sign: string): boolean {
    const expected = Buffer.from(this.sign(path, expires));
    const given = Buffer.from(sign);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

const isFile = (abs: string): boolean => existsSync(abs) && statSync(abs).isFile();

/** The key links are signed with, made once per data folder; linked into place whole, so no reader sees half of it. */
function sharedKey(file: string): Buffer {
  if (!existsSync(file)) {
    const draft = `${file}.${randomBytes(6).toString('hex')}`;
    writeFileSync(draft, randomBytes(32));
    try {
      linkSync(draft, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  return readFileSync(file);
}
