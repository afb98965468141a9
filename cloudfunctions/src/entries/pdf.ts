import type { FolderFiles } from '../adapters/local/folder-files';
import { composeFromEnv } from '../compose/from-env';
import type { FileRemover } from '../ports/file-remover';
import type { Files } from '../ports/files';
import type { PdfAnswer } from '../ports/pdf';
import { loadChineseFont } from '../render/font';
import { type PdfWorkerDeps, servePdfJob } from '../render/pdf-jobs';

// The `pdf` cloud function: renders the signed forms and the inspection archive for the api (issue 14). It carries
// pdf-lib, fontkit and the Chinese font, so the api function carries none of them. The api calls it with
// cloud.callFunction in CloudBase and through the built folder's main in the local runtime.

let deps: PdfWorkerDeps | undefined;

/** The remover beside the files adapter in use: CloudBase storage, or the local folder. */
function removerFor(files: Files, cloud?: typeof import('wx-server-sdk')): FileRemover {
  if (cloud) {
    const { CloudbaseFileRemover } = require('../adapters/cloudbase/cloudbase-file-remover') as typeof import('../adapters/cloudbase/cloudbase-file-remover');
    return new CloudbaseFileRemover(cloud);
  }
  const { FolderFileRemover } = require('../adapters/local/folder-file-remover') as typeof import('../adapters/local/folder-file-remover');
  return new FolderFileRemover(files as FolderFiles);
}

export async function main(event: unknown): Promise<PdfAnswer> {
  if (!deps) {
    const { deps: composed, cloud } = composeFromEnv();
    deps = { store: composed.store, files: composed.files, remover: removerFor(composed.files, cloud), now: () => composed.clock.now(), font: loadChineseFont };
  }
  return servePdfJob(deps, event);
}
