import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type * as WxServerSdk from 'wx-server-sdk';
import { type ByteRange, FILE_LINK_SECONDS, FileExistsError, type FileInfo, type Files } from '../../ports/files';

// Files in CloudBase storage through wx-server-sdk. A file id is CloudBase's own (`cloud://<env>.<bucket>/<path>`),
// which the Mini Program can also use directly. Sizes and contents are read over a temporary download link
// (getTempFileURL), streamed with node's http(s): wx-server-sdk's downloadFile would buffer a whole 500 MB
// recording in memory. A copy goes through the function's /tmp: wx-server-sdk uploads only a Buffer or a file stream
// (the node SDK's copyFile is not exposed by wx-server-sdk).

type Cloud = Pick<typeof WxServerSdk, 'uploadFile' | 'getTempFileURL'>;

/** getTempFileURL's per-file status for a file that does not exist (STORAGE_FILE_NONEXIST). */
const FILE_MISSING_STATUS = -503003;
/**
 * Every link asks for its lifetime: the docs give ten minutes (SDK reference, private files) or a day (storage
 * guide) as the default, and the longest the SDK reference allows for private files is the ten minutes. A link is
 * checked when a download starts, so ten minutes is enough to start one; a page whose link ran out asks again.
 */
const LINK_SECONDS = FILE_LINK_SECONDS;
/** How long to wait for a download link's response headers; the body may then take as long as it needs. */
const RESPONSE_HEADERS_TIMEOUT_MS = 30_000;
/** Uploaded (and re-uploaded, harmlessly) once per instance to learn how file ids look in this environment. */
const PROBE_PATH = 'system/file-id-probe';

export class CloudbaseFiles implements Files {
  private fileIdPrefix: Promise<string> | undefined;

  constructor(private readonly cloud: Cloud) {}

  async put(path: string, bytes: Buffer): Promise<FileInfo> {
    const fileId = `${await this.prefix()}/${path}`;
    // Storage overwrites silently and has no create-only upload, so this checks first. Two puts of one path racing
    // each other can both pass the check, and the later upload then replaces the earlier one; callers keep paths
    // unique (ids in them), so the check guards against mistakes, not against that race.
    if (await this.stat(fileId)) throw new FileExistsError(path);
    const { fileID } = await this.cloud.uploadFile({ cloudPath: path, fileContent: bytes });
    // A path the storage normalises (a leading or doubled slash) lands elsewhere than the id that was checked.
    if (fileID !== fileId) throw new Error(`uploaded ${path} as ${fileID}, not as the checked ${fileId}`);
    return { fileId, size: bytes.length };
  }

  async copy(fileId: string, toPath: string): Promise<FileInfo> {
    const fileIdOfCopy = `${await this.prefix()}/${toPath}`;
    if (await this.stat(fileIdOfCopy)) throw new FileExistsError(toPath);
    const staging = join(tmpdir(), `copy-${randomBytes(8).toString('hex')}`);
    try {
      await pipeline(await this.read(fileId), createWriteStream(staging));
      const { fileID } = await this.cloud.uploadFile({ cloudPath: toPath, fileContent: createReadStream(staging) });
      if (fileID !== fileIdOfCopy) throw new Error(`uploaded ${toPath} as ${fileID}, not as the checked ${fileIdOfCopy}`);
    } finally {
      rmSync(staging, { force: true });
    }
    const copied = await this.stat(fileIdOfCopy);
    if (!copied) throw new Error(`copy of ${fileId} to ${toPath} is missing`);
    return copied;
  }

  async stat(fileId: string): Promise<FileInfo | null> {
    const response = await this.fetchFile(fileId, 'HEAD');
    if (!response) return null;
    response.resume();
    // The storage may hand out a link for a file that is gone; the link's own answer is the last word.
    if (response.statusCode === 404) return null;
    if (response.statusCode !== 200) throw new Error(`stat ${fileId}: HTTP ${response.statusCode}`);
    return { fileId, size: Number(response.headers['content-length']) };
  }

  async read(fileId: string, range?: ByteRange): Promise<Readable> {
    const response = await this.fetchFile(fileId, 'GET', range);
    if (!response) throw new Error(`missing file: ${fileId}`);
    if (response.statusCode !== (range ? 206 : 200)) {
      response.resume();
      throw new Error(response.statusCode === 404 ? `missing file: ${fileId}` : `read ${fileId}: HTTP ${response.statusCode}`);
    }
    return response;
  }

  async downloadUrl(fileId: string, seconds: number = LINK_SECONDS): Promise<string> {
    const link = await this.temporaryLink(fileId, seconds);
    if (!link) throw new Error(`missing file: ${fileId}`);
    return link;
  }

  /**
   * `cloud://<env>.<bucket>`: uploadFile takes a path but getTempFileURL a file id, so the existence check needs the
   * id of a path before uploading to it, and the bucket's name is not known to the function.
   */
  private prefix(): Promise<string> {
    this.fileIdPrefix ??= this.cloud.uploadFile({ cloudPath: PROBE_PATH, fileContent: Buffer.from('probe') }).then(
      ({ fileID }) => {
        if (!fileID.endsWith(`/${PROBE_PATH}`)) throw new Error(`unexpected file id ${fileID} for ${PROBE_PATH}`);
        return fileID.slice(0, -PROBE_PATH.length - 1);
      },
      (error: unknown) => {
        this.fileIdPrefix = undefined;
        throw error;
      },
    );
    return this.fileIdPrefix;
  }

  /**
   * The storage's answer to a fresh link, or null when the storage says the file does not exist. A link refused as
   * expired (HTTP 403: the clocks disagree, or the platform gave less than asked) is fetched anew once.
   */
  private async fetchFile(fileId: string, method: 'GET' | 'HEAD', range?: ByteRange): Promise<IncomingMessage | null> {
    for (let attempt = 1; ; attempt++) {
      const link = await this.temporaryLink(fileId, LINK_SECONDS);
      if (!link) return null;
      const response = await fetchLink(link, method, range ? { range: `bytes=${range.start}-${range.end - 1}` } : {});
      if (response.statusCode !== 403 || attempt === 2) return response;
      response.resume();
    }
  }

  /** A temporary link to the file, or null when the storage says it does not exist. */
  private async temporaryLink(fileId: string, maxAge: number): Promise<string | null> {
    const result = this.cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge }] });
    if (!result) throw new Error('wx-server-sdk returned no promise');
    const [file] = (await result).fileList;
    if (file.status === FILE_MISSING_STATUS) return null;
    if (file.status !== 0) throw new Error(`getTempFileURL ${fileId}: ${file.status} ${file.errMsg}`);
    // The link may carry the path unescaped (non-ASCII, spaces); URL escapes it without double-escaping.
    return new URL(file.tempFileURL).href;
  }
}

function fetchLink(link: string, method: 'GET' | 'HEAD', headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (link.startsWith('https:') ? httpsRequest : httpRequest)(link, { method, headers }, (response) => {
      request.setTimeout(0);
      resolve(response);
    });
    request.setTimeout(RESPONSE_HEADERS_TIMEOUT_MS, () => request.destroy(new Error(`no answer from ${link}`)));
    request.on('error', reject);
    request.end();
  });
}
