import type { Readable } from 'node:stream';

export interface FileInfo {
  fileId: string;
  size: number;
}

/**
 * How long a download link handed to the Mini Program opens its file, in seconds: CloudBase's temporary URLs are
 * asked for with this maxAge explicitly (its documents disagree on the default), and local links expire alike.
 */
export const FILE_LINK_SECONDS = 600;

/**
 * Object storage as the functions use it (with the platform's rights; clients neither read nor list it, and write
 * only under `uploads/<own openid>/`): write once, never overwrite, read as a stream, hand out expiring links.
 */
export interface Files {
  /** Stores bytes under a path; fails with an error if the path exists (files are never overwritten). */
  put(path: string, bytes: Buffer): Promise<FileInfo>;
  /** Copies a stored file to a new path, streamed (a recording is never held in memory); never overwrites. */
  copy(fileId: string, toPath: string): Promise<FileInfo>;
  /** Size of a stored file, or null when it is missing. */
  stat(fileId: string): Promise<FileInfo | null>;
  /**
   * The file's bytes as a stream, so large recordings are never read into memory at once; with a range, only bytes
   * [start, end) (resumable hashing reads a large file a step at a time).
   */
  read(fileId: string, range?: ByteRange): Promise<Readable>;
  /** A link the Mini Program can download or open for `seconds` (FILE_LINK_SECONDS when not given); then it is refused. */
  downloadUrl(fileId: string, seconds?: number): Promise<string>;
}

/** Bytes from `start` up to, not including, `end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export class FileExistsError extends Error {
  constructor(path: string) {
    super(`file exists: ${path}`);
  }
}
