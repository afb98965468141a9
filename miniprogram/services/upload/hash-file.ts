import { sha256 } from 'js-sha256';
import { ApiError } from '../transport/transport';

/** Read this much at a time: a 500 MB recording is never in memory at once. */
const CHUNK_BYTES = 1024 * 1024;

type Fs = WechatMiniprogram.FileSystemManager;

const open = (fs: Fs, filePath: string) =>
  new Promise<string>((resolve, reject) => fs.open({ filePath, flag: 'r', success: (res) => resolve(res.fd), fail: reject }));

const read = (fs: Fs, fd: string, position: number, length: number) =>
  new Promise<ArrayBuffer>((resolve, reject) =>
    fs.read({ fd, arrayBuffer: new ArrayBuffer(length), position, length, success: (res) => resolve(res.arrayBuffer.slice(0, res.bytesRead)), fail: reject }),
  );

/**
 * 计算本地文件的 SHA-256（十六进制小写），按块读取（FileSystemManager.read），不整体读入内存。
 * The cloud hashes what it stored and must get the same value, or the evidence is refused.
 */
export async function hashFile(filePath: string, size: number): Promise<string> {
  // https://developers.weixin.qq.com/miniprogram/dev/api/file/FileSystemManager.read.html
  const fs = wx.getFileSystemManager();
  let fd: string;
  try {
    fd = await open(fs, filePath);
  } catch {
    throw new ApiError('INTERNAL', '文件读取失败，请重试');
  }
  const hash = sha256.create();
  try {
    for (let position = 0; position < size; position += CHUNK_BYTES) {
      const chunk = await read(fs, fd, position, Math.min(CHUNK_BYTES, size - position));
      if (!chunk.byteLength) break;
      hash.update(chunk);
    }
  } catch {
    throw new ApiError('INTERNAL', '文件读取失败，请重试');
  } finally {
    fs.close({ fd, fail: () => undefined });
  }
  return hash.hex();
}
