import type { ActionRequest } from '../../../typings/api/index';
import { requestUpload } from '../case/request-upload';
import { type OnProgress, uploadFile } from './upload';

export type UploadPurpose = ActionRequest<'requestUpload'>['purpose'];

/** 上传一个本人文件（按用途申请上传位置，再上传），返回 fileID */
export const uploadOwnFile = async (
  purpose: UploadPurpose,
  file: { path: string; name: string; size: number },
  onProgress?: OnProgress,
): Promise<string> => uploadFile((await requestUpload({ fileName: file.name, size: file.size, purpose })).cloudPath, file.path, onProgress);
