import { requestUpload } from '../case/request-upload';
import { uploadFile, type OnProgress } from '../upload/upload';

/** 上传一份申请材料（先申请上传位置，再上传文件），返回 fileID */
export const uploadMaterial = async (file: { path: string; name: string; size: number }, onProgress?: OnProgress): Promise<string> =>
  uploadFile((await requestUpload({ fileName: file.name, size: file.size, purpose: 'material' })).cloudPath, file.path, onProgress);
