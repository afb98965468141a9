import type * as WxServerSdk from 'wx-server-sdk';
import type { FileRemover } from '../../ports/file-remover';

type Cloud = Pick<typeof WxServerSdk, 'deleteFile'>;

/** cloud.deleteFile: each file answers its own status; a file already gone counts as removed. */
export class CloudbaseFileRemover implements FileRemover {
  constructor(private readonly cloud: Cloud) {}

  async remove(fileId: string): Promise<void> {
    const answer = (await this.cloud.deleteFile({ fileList: [fileId] })) as { fileList?: { fileID: string; status?: number; code?: string; errMsg?: string }[]; code?: string; message?: string } | undefined;
    if (!answer?.fileList) throw new Error(`deleteFile failed: ${answer?.code ?? ''} ${answer?.message ?? ''}`);
    for (const item of answer.fileList) {
      const code = item.code ?? (item.status === 0 || item.status === undefined ? 'SUCCESS' : String(item.status));
      if (code !== 'SUCCESS' && code !== 'STORAGE_FILE_NONEXIST') throw new Error(`deleteFile ${item.fileID}: ${code} ${item.errMsg ?? ''}`);
    }
  }
}
