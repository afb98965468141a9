import { AppError } from '../../api/errors';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { PdfAnswer, PdfJob, PdfRenderer, RenderedDocument } from '../../ports/pdf';
import type { Store } from '../../ports/store';

/** Calls the pdf function with `{jobId}` and answers what it answers: cloud.callFunction, or a direct call locally. */
export type InvokePdf = (event: { jobId: string }) => Promise<unknown>;

/**
 * The api's side of the pdf function: the job goes into `pdfJobs` (clients can neither read nor write it) and the
 * function is called with its id only. The pdf function keeps the entry, without the job's names and addresses, as
 * the record of the file it stored, until its sweep has checked that the case took the file up.
 */
export class PdfFunction implements PdfRenderer {
  constructor(
    private readonly store: Store,
    private readonly ids: Ids,
    private readonly clock: Clock,
    private readonly invoke: InvokePdf,
  ) {}

  async render(job: PdfJob): Promise<RenderedDocument> {
    const jobId = this.ids.randomHex(16);
    await this.store.insert('pdfJobs', jobId, { job, createdAt: this.clock.now().toISOString() });
    const answer = (await this.invoke({ jobId })) as PdfAnswer;
    if (answer?.ok === true) return answer.document;
    if (answer?.ok === false && (answer.code === 'VALIDATION' || answer.code === 'NOT_FOUND')) throw new AppError(answer.code, answer.message);
    throw new Error(`pdf function failed: ${answer?.ok === false ? answer.message : JSON.stringify(answer)}`);
  }
}
