import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { CloudbaseFiles } from '../../../cloudfunctions/src/adapters/cloudbase/cloudbase-files';
import { FolderFiles } from '../../../cloudfunctions/src/adapters/local/folder-files';
import { FileExistsError, type Files } from '../../../cloudfunctions/src/ports/files';
import { type CloudbaseStandin, initWxServerSdk, startCloudbaseStandin } from '../../support/cloudbase-standin';

// One contract for the Files port, run against the local adapter (a folder) and the CloudBase adapter (the real
// wx-server-sdk talking to the loopback stand-in). Only what a download link leads to differs between the legs.

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Checks a link from downloadUrl() for the file stored under `path` with these bytes. */
type DownloadUrlCheck = (url: string, path: string, bytes: Buffer) => Promise<void>;

function describeFilesContract(name: string, makeFiles: () => Promise<Files>, checkDownloadUrl: DownloadUrlCheck): void {
  describe(`Files contract: ${name}`, () => {
    // A path as the evidence uploads make them: an id, Chinese, a space.
    const path = 'cases/c-0001/现场 照片-1.jpg';
    let files: Files;
    beforeEach(async () => {
      files = await makeFiles();
    });

    it('stores bytes and gives back their size and, as a stream, the very same bytes', async () => {
      const bytes = randomBytes(3 * 1024 * 1024 + 17);
      const info = await files.put(path, bytes);
      expect(info.size).toBe(bytes.length);
      expect(await files.stat(info.fileId)).toEqual({ fileId: info.fileId, size: bytes.length });
      expect((await readAll(await files.read(info.fileId))).equals(bytes)).toBe(true);
    });

    it('reads a byte range [start, end) alone, to the last byte', async () => {
      const bytes = randomBytes(1024 * 1024 + 5);
      const { fileId } = await files.put(path, bytes);
      expect((await readAll(await files.read(fileId, { start: 0, end: 1 }))).equals(bytes.subarray(0, 1))).toBe(true);
      expect((await readAll(await files.read(fileId, { start: 1000, end: 700_000 }))).equals(bytes.subarray(1000, 700_000))).toBe(true);
      expect((await readAll(await files.read(fileId, { start: 700_000, end: bytes.length }))).equals(bytes.subarray(700_000))).toBe(true);
    });

    it('stores an empty file', async () => {
      const info = await files.put('cases/c-0001/empty.txt', Buffer.alloc(0));
      expect(await files.stat(info.fileId)).toEqual({ fileId: info.fileId, size: 0 });
      expect(await readAll(await files.read(info.fileId))).toHaveLength(0);
    });

    it('never overwrites: a second put of a path fails with FileExistsError and the first bytes stay', async () => {
      const original = Buffer.from('original evidence');
      const { fileId } = await files.put(path, original);
      await expect(files.put(path, Buffer.from('replacement'))).rejects.toBeInstanceOf(FileExistsError);
      expect((await readAll(await files.read(fileId))).equals(original)).toBe(true);
      expect(await files.stat(fileId)).toEqual({ fileId, size: original.length });
    });

    it('answers null for the size of a missing file, and refuses to read it', async () => {
      const { fileId } = await files.put(path, Buffer.from('x'));
      const missing = fileId.replace('c-0001', 'c-0002');
      expect(await files.stat(missing)).toBeNull();
      await expect(files.read(missing)).rejects.toThrow(/missing file/);
    });

    it('hands out a download link for a stored file', async () => {
      const bytes = Buffer.from('检查记录 PDF bytes');
      const { fileId } = await files.put(path, bytes);
      await checkDownloadUrl(await files.downloadUrl(fileId), path, bytes);
    });
  });
}

describe('FolderFiles (local)', () => {
  const root = mkdtempSync(join(tmpdir(), 'files-contract-'));
  const publicBaseUrl = 'http://127.0.0.1:3000';
  let folders = 0;
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describeFilesContract(
    'FolderFiles',
    async () => new FolderFiles(join(root, String(folders++)), publicBaseUrl),
    // The local runtime serves the folder; here only the link's form is checked.
    async (url, path) => expect(url).toBe(`${publicBaseUrl}/files/${encodeURI(path)}`),
  );
});

describe('CloudbaseFiles (wx-server-sdk against the CloudBase stand-in)', () => {
  let standin: CloudbaseStandin;
  let cloud: ReturnType<typeof initWxServerSdk>;
  beforeAll(async () => {
    standin = await startCloudbaseStandin();
    cloud = initWxServerSdk(standin);
  });
  afterEach(() => {
    expect(standin.unsupported).toEqual([]);
  });
  afterAll(() => standin.close());

  const download = (url: string): Promise<{ status: number; body: Buffer }> =>
    new Promise((resolve, reject) => {
      get(url, (response) => {
        readAll(response).then((body) => resolve({ status: response.statusCode ?? 0, body }), reject);
      }).on('error', reject);
    });

  describeFilesContract(
    'CloudbaseFiles',
    async () => {
      standin.reset();
      return new CloudbaseFiles(cloud);
    },
    async (url, _path, bytes) => {
      const { status, body } = await download(url);
      expect(status).toBe(200);
      expect(body.equals(bytes)).toBe(true);
    },
  );

  describe('temporary links, on the stricter reading of the docs', () => {
    it('asks for every link lifetime explicitly', async () => {
      const files = new CloudbaseFiles(cloud);
      const { fileId } = await files.put('cases/c1/a.txt', Buffer.from('abc'));
      await files.stat(fileId);
      await files.downloadUrl(fileId);
      const asked = standin.requests.filter((r) => r.action === 'storage.batchGetDownloadUrl')
        .flatMap((r) => r.params.file_list as { max_age?: number }[]);
      expect(asked.length).toBeGreaterThanOrEqual(3);
      for (const file of asked) expect(file.max_age).toBe(600);
    });

    it('a link stops working when its lifetime runs out, and the adapter fetches a fresh one', async () => {
      const files = new CloudbaseFiles(cloud);
      const { fileId } = await files.put('cases/c1/b.txt', Buffer.from('later'));
      const url = await files.downloadUrl(fileId);
      expect((await download(url)).status).toBe(200);
      standin.advanceClock(11 * 60 * 1000);
      expect((await download(url)).status).toBe(403);
      expect(await files.stat(fileId)).toEqual({ fileId, size: 5 });
      expect((await readAll(await files.read(fileId))).toString()).toBe('later');
      expect((await download(await files.downloadUrl(fileId))).status).toBe(200);
    });
  });
});
