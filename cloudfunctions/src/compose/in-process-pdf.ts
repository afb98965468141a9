import { FolderFileRemover } from '../adapters/local/folder-file-remover';
import type { FolderFiles } from '../adapters/local/folder-files';
import type { InvokePdf } from '../adapters/pdf/pdf-function';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';
import { loadChineseFont } from '../render/font';

/**
 * The pdf function's work run in this process, over the caller's own store and files: for the tests and the
 * local runtime, which compose their adapters themselves (never part of the api bundle).
 */
export const inProcessPdf = (store: Store, files: FolderFiles, clock: Clock): InvokePdf => async (event) => {
  const { servePdfJob } = await import('../render/pdf-jobs');
  return servePdfJob({ store, files, remover: new FolderFileRemover(files), now: () => clock.now(), font: loadChineseFont }, event);
};
