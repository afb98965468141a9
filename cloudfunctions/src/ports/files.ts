import type { Readable } from 'node:stream';

export interface FileInfo {
  fileId: string;
  size: number;
}

/** Object storage: write once, never overwrite, read as a stream, hand out download links. */
export interface Files {
  /** Stores bytes under a path; fails with an error if the path exists (files are never overwritten). */
  put(path: string, bytes: Buffer): Promise<FileInfo>;
  /** Size of a stored file, or null when it is missing. */
  stat(fileId: string): Promise<FileInfo | null>;
  /**
   * The file's bytes as a stream, so large recordings are never read into memory at once; with a range, only bytes
   * [start, end) (resumable hashing reads a large file a step at a time).
   */
  read(fileId: string, range?: ByteRange): Promise<Readable>;
  /** A temporary link the Mini Program can download or open. */
  downloadUrl(fileId: string): Promise<string>;
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
