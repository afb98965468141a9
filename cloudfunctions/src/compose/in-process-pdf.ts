import type { InvokePdf } from '../adapters/pdf/pdf-function';
import type { Files } from '../ports/files';
import type { Store } from '../ports/store';
import { loadChineseFont } from '../render/font';

/**
 * The pdf function's work run in this process, over the caller's own store and files: for the tests and the
 * local runtime, which compose their adapters themselves (never part of the api bundle).
 */
export const inProcessPdf = (store: Store, files: Files): InvokePdf => async (event) => {
  const { servePdfJob } = await import('../render/pdf-jobs');
  return servePdfJob({ store, files, font: loadChineseFont }, event);
};
