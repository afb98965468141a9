import { composeFromEnv } from '../compose/from-env';
import type { PdfAnswer } from '../ports/pdf';
import { loadChineseFont } from '../render/font';
import { type PdfWorkerDeps, servePdfJob } from '../render/pdf-jobs';

// The `pdf` cloud function: renders the signed forms and the inspection archive for the api (issue 14). It carries
// pdf-lib, fontkit and the Chinese font, so the api function carries none of them. The api calls it with
// cloud.callFunction in CloudBase and through the built folder's main in the local runtime.

let deps: PdfWorkerDeps | undefined;

export async function main(event: unknown): Promise<PdfAnswer> {
  if (!deps) {
    const { deps: composed } = composeFromEnv();
    deps = { store: composed.store, files: composed.files, font: loadChineseFont };
  }
  return servePdfJob(deps, event);
}
