import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CloudbaseFiles } from '../../../cloudfunctions/src/adapters/cloudbase/cloudbase-files';
import { FolderFiles, StorageRefusal } from '../../../cloudfunctions/src/adapters/local/folder-files';
import { FileExistsError, type Files } from '../../../cloudfunctions/src/ports/files';
import { type CloudbaseStandin, initWxServerSdk, startCloudbaseStandin } from '../../support/cloudbase-standin';

// One contract for the Files port, run against the local adapter (a folder) and the CloudBase adapter (the real
// wx-server-sdk talking to the loopback stand-in). Only what a download link leads to differs between the legs.

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** What a client gets when it opens a URL of the storage: the status, and the bytes when it is 200. */
type OpenUrl = (url: string) => Promise<{ status: number; body: Buffer }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The URL of the same file without its link's query (what a page that bypasses the link would ask for). */
const withoutQuery = (url: string): string => url.replace(/\?.*$/, '');

function describeFilesContract(name: string, makeFiles: () => Promise<Files>, openUrl: OpenUrl): void {
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

    it('hands out a download link that opens the stored file', async () => {
      const bytes = Buffer.from('检查记录 PDF bytes');
      const { fileId } = await files.put(path, bytes);
      const { status, body } = await openUrl(await files.downloadUrl(fileId, 600));
      expect(status).toBe(200);
      expect(body.equals(bytes)).toBe(true);
    });

    it('copies a stored file to a new path, streamed, never over an existing one', async () => {
      const bytes = randomBytes(2 * 1024 * 1024 + 5);
      const { fileId } = await files.put('uploads/applicant/material/营业执照.pdf', bytes);
      const copy = await files.copy(fileId, 'cases/c-0001/materials/1-营业执照.pdf');
      expect(copy).toEqual({ fileId: expect.stringMatching(/cases\/c-0001\/materials\/1-营业执照\.pdf$/), size: bytes.length });
      expect((await readAll(await files.read(copy.fileId))).equals(bytes)).toBe(true);
      await expect(files.copy(fileId, 'cases/c-0001/materials/1-营业执照.pdf')).rejects.toBeInstanceOf(FileExistsError);
      await expect(files.copy(fileId.replace('applicant', 'nobody'), 'cases/c-0001/materials/2-x.pdf')).rejects.toThrow(/missing file/);
    });

    describe('storage rules: clients read nothing without a link, and a link expires', () => {
      it('refuses the storage address of a file without a link, and a link altered to another file', async () => {
        const { fileId } = await files.put(path, Buffer.from('secret'));
        await files.put('cases/c-0001/other.pdf', Buffer.from('other'));
        const url = await files.downloadUrl(fileId, 600);
        expect((await openUrl(withoutQuery(url))).status).toBe(403);
        const forged = url.replace(/\/[^/?]+\?/, '/other.pdf?');
        expect(forged).not.toBe(url);
        expect((await openUrl(forged)).status).toBe(403);
      });

      it('refuses a link past the lifetime it was asked for, and a fresh link opens the file again', async () => {
        const bytes = Buffer.from('录像');
        const { fileId } = await files.put(path, bytes);
        const shortLived = await files.downloadUrl(fileId, 1);
        expect((await openUrl(shortLived)).status).toBe(200);
        await sleep(2100);
        const expired = await openUrl(shortLived);
        expect(expired.status).toBe(403);
        expect(expired.body.includes(Buffer.from(bytes))).toBe(false);
        const fresh = await openUrl(await files.downloadUrl(fileId, 600));
        expect(fresh.status).toBe(200);
        expect(fresh.body.equals(bytes)).toBe(true);
      });
    });
  });
}

describe('FolderFiles (local)', () => {
  const root = mkdtempSync(join(tmpdir(), 'files-contract-'));
  const publicBaseUrl = 'http://127.0.0.1:3000';
  let folders = 0;
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  let current: FolderFiles;
  describeFilesContract(
    'FolderFiles',
    async () => (current = new FolderFiles(join(root, String(folders++)), publicBaseUrl)),
    // What the local runtime answers a GET of /files/… (test/cloud/runtime covers the HTTP around it).
    async (url) => {
      expect(url.startsWith(`${publicBaseUrl}/files/`)).toBe(true);
      const { pathname, searchParams } = new URL(url);
      try {
        const file = current.openLink(pathname.slice('/files/'.length), searchParams);
        return { status: 200, body: readFileSync(file.absolutePath) };
      } catch (e) {
        if (e instanceof StorageRefusal) return { status: e.status, body: Buffer.from(e.message) };
        throw e;
      }
    },
  );

  describe('storage rules: client writes (wx.uploadFile to the local runtime)', () => {
    const files = new FolderFiles(join(root, 'writes'), publicBaseUrl);
    const upload = (openid: string, cloudPath: string, bytes: Buffer, max = 1024) => files.receiveUpload(openid, cloudPath, Readable.from([bytes]), max);

    it('writes only under uploads/<own openid>/, judged after normalising the path', async () => {
      expect(await upload('alice', 'uploads/alice/material/a.pdf', Buffer.from('a'))).toEqual({ fileId: 'local://uploads/alice/material/a.pdf', size: 1 });
      expect((await upload('alice', 'uploads/alice/./x//b.pdf', Buffer.from('b'))).fileId).toBe('local://uploads/alice/x/b.pdf');
      const refused = [
        'uploads/bob/a.pdf', 'uploads/alice/../bob/a.pdf', 'uploads/alice/../../cases/c-1/a.pdf', '../uploads/alice/a.pdf',
        '/uploads/alice/a.pdf', 'uploads/alice', 'uploads/alice/', 'uploads/alice/a\\..\\..\\b.pdf', 'uploads/alice/a\0.pdf', 'cases/c-1/a.pdf',
      ];
      for (const cloudPath of refused) await expect(upload('alice', cloudPath, Buffer.from('x'))).rejects.toMatchObject({ status: 403 });
      await expect(upload('../alice', 'uploads/../alice/a.pdf', Buffer.from('x'))).rejects.toMatchObject({ status: 403 });
      expect(existsSync(join(root, 'writes', 'uploads', 'bob'))).toBe(false);
      expect(existsSync(join(root, 'writes', 'cases'))).toBe(false);
    });

    it('replaces the caller\'s own file, as CloudBase does, and never a file a function wrote', async () => {
      await upload('carol', 'uploads/carol/p.jpg', Buffer.from('first'));
      await upload('carol', 'uploads/carol/p.jpg', Buffer.from('second'));
      expect(readFileSync(files.pathOf('local://uploads/carol/p.jpg'), 'utf8')).toBe('second');
      await files.put('uploads/carol/seeded.pdf', Buffer.from('by the function'));
      await expect(upload('carol', 'uploads/carol/seeded.pdf', Buffer.from('x'))).rejects.toMatchObject({ status: 403 });
    });

    it('refuses a file larger than declared, leaving nothing behind', async () => {
      await expect(upload('dave', 'uploads/dave/big.bin', randomBytes(2048), 1024)).rejects.toMatchObject({ status: 413 });
      expect(existsSync(join(root, 'writes', 'uploads', 'dave')) ? readdirSync(join(root, 'writes', 'uploads', 'dave')) : []).toEqual([]);
    });
  });
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
    download,
  );

  describe('temporary links, on the stricter reading of the docs', () => {
    it('asks for every link lifetime explicitly', async () => {
      const files = new CloudbaseFiles(cloud);
      const before = standin.requests.length;
      const { fileId } = await files.put('cases/c1/a.txt', Buffer.from('abc'));
      await files.stat(fileId);
      await files.downloadUrl(fileId);
      const asked = standin.requests.slice(before).filter((r) => r.action === 'storage.batchGetDownloadUrl')
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
