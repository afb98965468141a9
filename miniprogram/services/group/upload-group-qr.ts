import { uploadOwnFile } from '../upload/upload-own-file';

/** 上传踏勘群二维码图片，返回 fileID */
export const uploadGroupQr = (file: { path: string; size: number }): Promise<string> =>
  uploadOwnFile('groupQr', { path: file.path, name: `group-qr${/\.(png|jpe?g)$/i.exec(file.path)?.[0] ?? '.jpg'}`, size: file.size });
