import { downloadUrl } from './download-url';
import { getFileUrl } from './get-file-url';
import { showFile } from './open-file';

/** 打开办件中的一份材料：存储不对小程序开放，先由服务端核对权限并给出临时链接 */
export async function openCaseFile(caseId: string, fileId: string, name: string): Promise<void> {
  const { url } = await getFileUrl({ caseId, fileId });
  await showFile(await downloadUrl(url), name);
}
