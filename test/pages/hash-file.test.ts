import { installFakeWx, type FakeWx } from './support/fake-wx';

// The Mini Program project compiles without Node's typings: node's own SHA-256, as the cloud computes it.
const { createHash } = require('crypto') as { createHash(algorithm: 'sha256'): { update(bytes: Uint8Array): { digest(encoding: 'hex'): string } } };

// The phone's hash at capture: SHA-256 read 1 MB at a time through FileSystemManager.read, never the whole file,
// equal to what the cloud computes (node's own SHA-256 here) over the same bytes.

let fake: FakeWx;
beforeEach(() => {
  fake = installFakeWx();
  jest.resetModules();
});

test('a 2.5 MB recording is hashed in 1 MB reads and matches the cloud\'s SHA-256', async () => {
  const bytes = Uint8Array.from({ length: 2.5 * 1024 * 1024 + 3 }, (_v, i) => (i * 31 + (i >> 9)) & 0xff);
  fake.files.set('wxfile://tmp/recording.mp4', bytes);
  const { hashFile } = require('../../miniprogram/services/upload/hash-file') as typeof import('../../miniprogram/services/upload/hash-file');

  const hex = await hashFile('wxfile://tmp/recording.mp4', bytes.length);

  expect(hex).toBe(createHash('sha256').update(bytes).digest('hex'));
  const reads = fake.calls('fs.read');
  expect(reads.map((r) => r.length)).toEqual([1024 * 1024, 1024 * 1024, 0.5 * 1024 * 1024 + 3]);
  expect(reads.map((r) => r.position)).toEqual([0, 1024 * 1024, 2 * 1024 * 1024]);
});

test('a file that cannot be opened is reported in Chinese', async () => {
  const fs = fake.wx.getFileSystemManager();
  fake.wx.getFileSystemManager = () => ({ ...fs, open: (o: { fail: (e: unknown) => void }) => o.fail({ errMsg: 'open:fail no such file' }) });
  const { hashFile } = require('../../miniprogram/services/upload/hash-file') as typeof import('../../miniprogram/services/upload/hash-file');
  await expect(hashFile('wxfile://tmp/gone.jpg', 10)).rejects.toMatchObject({ message: '文件读取失败，请重试' });
});
