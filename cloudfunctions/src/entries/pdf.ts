import type { FolderFiles } from '../adapters/local/folder-files';
import type { PdfAnswer } from '../ports/pdf';
import { loadChineseFont } from '../render/font';
import { type PdfWorkerDeps, servePdfJob } from '../render/pdf-jobs';

// The `pdf` cloud function: renders the signed forms and the inspection archive for the api (issue 14). It carries
// pdf-lib, fontkit and the Chinese font, so the api function carries none of them. The api calls it with
// cloud.callFunction in CloudBase and through the built folder's main in the local runtime.

type WxCloud = typeof import('wx-server-sdk');

let deps: PdfWorkerDeps | undefined;

/**
 * In CloudBase only the store, the files and the clock, built straight from wx-server-sdk: the api's composition
 * (configuration schemas, calendars, meetings) would be loaded and built on every cold start for nothing. The local
 * runtime (RVI_LOCAL=1) composes as the api does, over its SQLite file and folder.
 */
function compose(): PdfWorkerDeps {
  if (process.env.RVI_LOCAL === '1') {
    const { composeFromEnv } = require('../compose/from-env') as typeof import('../compose/from-env');
    const { FolderFileRemover } = require('../adapters/local/folder-file-remover') as typeof import('../adapters/local/folder-file-remover');
    const { deps: local } = composeFromEnv();
    return { store: local.store, files: local.files, remover: new FolderFileRemover(local.files as FolderFiles), now: () => local.clock.now(), font: loadChineseFont };
  }
  const cloud = require('wx-server-sdk') as WxCloud;
  // The typings say string, but the SDK documents this symbol as "the environment the function runs in".
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const { CloudbaseStore } = require('../adapters/cloudbase/cloudbase-store') as typeof import('../adapters/cloudbase/cloudbase-store');
  const { CloudbaseFiles } = require('../adapters/cloudbase/cloudbase-files') as typeof import('../adapters/cloudbase/cloudbase-files');
  const { CloudbaseFileRemover } = require('../adapters/cloudbase/cloudbase-file-remover') as typeof import('../adapters/cloudbase/cloudbase-file-remover');
  const { queryLogFromEnv } = require('../adapters/query-shapes') as typeof import('../adapters/query-shapes');
  return { store: new CloudbaseStore(cloud, queryLogFromEnv()), files: new CloudbaseFiles(cloud), remover: new CloudbaseFileRemover(cloud), now: () => new Date(), font: loadChineseFont };
}

export async function main(event: unknown): Promise<PdfAnswer> {
  deps ??= compose();
  return servePdfJob(deps, event);
}
