import { fileSize } from '../upload/file-size';
import { uploadOwnFile } from '../upload/upload-own-file';

/** 上传手写签名图片（PNG），返回 fileID */
export const uploadSignature = async (tempFilePath: string): Promise<string> =>
  uploadOwnFile('signature', { path: tempFilePath, name: 'signature.png', size: await fileSize(tempFilePath, '签名图片读取失败，请重新签名') });
