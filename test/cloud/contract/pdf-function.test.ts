import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CloudbaseFileRemover } from '../../../cloudfunctions/src/adapters/cloudbase/cloudbase-file-remover';
import { CloudbaseFiles } from '../../../cloudfunctions/src/adapters/cloudbase/cloudbase-files';
import { CloudbaseStore } from '../../../cloudfunctions/src/adapters/cloudbase/cloudbase-store';
import { AppError } from '../../../cloudfunctions/src/api/errors';
import { CONSENT_FORM_V1 } from '../../../cloudfunctions/src/catalogue/form-templates';
import { composeCloud } from '../../../cloudfunctions/src/compose/cloud';
import { configFromEnv } from '../../../cloudfunctions/src/config';
import type { SignedFormJob } from '../../../cloudfunctions/src/ports/pdf';
import { loadChineseFont } from '../../../cloudfunctions/src/render/font';
import { servePdfJob, sweepOrphanedRenderings } from '../../../cloudfunctions/src/render/pdf-jobs';
import { type CalledFunction, type CloudbaseStandin, initWxServerSdk, startCloudbaseStandin } from '../../support/cloudbase-standin';
import { signaturePng } from '../../support/images';
import { pdfText, squeeze } from '../../support/pdf-text';

// The api reaches the pdf function the way CloudBase runs them (issue 14): the job goes into `pdfJobs` through the
// real wx-server-sdk, cloud.callFunction carries only its id to the stand-in, which runs the pdf function (its own
// CloudBase store and files) and hands back its answer.

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('the pdf function through cloud.callFunction', () => {
  const functions: Record<string, CalledFunction> = {};
  let standin: CloudbaseStandin;
  let deps: ReturnType<typeof composeCloud>;
  let files: CloudbaseFiles;
  const calls: unknown[] = [];
  // The api stamps its jobs by the system clock; the pdf function's sweep runs on this one.
  let now = new Date();
  let sweep: () => Promise<{ checked: number; removed: number }>;

  beforeAll(async () => {
    standin = await startCloudbaseStandin({ functions });
    const cloud = initWxServerSdk(standin);
    files = new CloudbaseFiles(cloud);
    const worker = { store: new CloudbaseStore(cloud), files, remover: new CloudbaseFileRemover(cloud), now: () => now, font: loadChineseFont };
    sweep = () => sweepOrphanedRenderings(worker);
    functions.pdf = (event) => {
      calls.push(event);
      return servePdfJob(worker, event);
    };
    deps = composeCloud(cloud, configFromEnv({}));
  });
  afterAll(() => standin.close());
  afterEach(() => expect(standin.unsupported).toEqual([]));

  const job = (signatureFileId: string): SignedFormJob => ({
    kind: 'signedForm',
    caseId: 'c-1',
    pathPrefix: 'cases/c-1/forms/consent-v1-applicant',
    template: CONSENT_FORM_V1,
    values: {
      officeName: '示范区行政审批局', district: '示范区', companyName: '青禾餐饮有限公司', creditCode: '91310000MA1K000001',
      applicantName: '王小明', matterName: '食品经营许可', premisesAddress: '示范路1号', caseNumber: 'TK-2026-0001',
    },
    copy: 'applicant',
    signedAt: '2026-11-02T02:00:00.000Z',
    signatureFileId,
  });

  test('renders a signed form, stores it under its own hash and answers the stored file; the job content is dropped after', async () => {
    const signature = await files.put('uploads/u1/signature.png', Buffer.from(signaturePng()));
    const document = await deps.pdf.render(job(signature.fileId));

    const bytes = await readAll(await files.read(document.fileId));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
    expect(document.size).toBe(bytes.length);
    expect(document.fileId).toContain(`cases/c-1/forms/consent-v1-applicant-${document.sha256.slice(0, 16)}.pdf`);
    expect(squeeze(pdfText(bytes))).toContain('青禾餐饮有限公司');
    // Only the id travelled in the call; the job itself went through the database and was removed once answered.
    expect(calls.at(-1)).toEqual({ jobId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(standin.requests.filter((r) => r.action === 'functions.invokeFunction')).toHaveLength(1);
    // What stays is the record of the file stored, without the job's names and addresses.
    const entry = await deps.store.get<Record<string, unknown>>('pdfJobs', (calls.at(-1) as { jobId: string }).jobId);
    expect(entry).toMatchObject({ caseId: 'c-1', fileId: document.fileId });
    expect(entry).not.toHaveProperty('job');
  });

  test('the sweep removes a rendering its case never took up, keeps one it did, and forgets both entries', async () => {
    standin.reset();
    const signature = await files.put('uploads/u1/signature-2.png', Buffer.from(signaturePng()));
    const orphan = await deps.pdf.render({ ...job(signature.fileId), caseId: 'c-lost', pathPrefix: 'cases/c-lost/forms/consent-v1-applicant' });
    const kept = await deps.pdf.render({ ...job(signature.fileId), caseId: 'c-2', pathPrefix: 'cases/c-2/forms/consent-v1-applicant' });
    await deps.store.insert('cases', 'c-2', { forms: { consent: { applicantCopy: kept, officeCopy: kept } } });
    // Within the quarter of an hour a save may still be under way: nothing is touched.
    expect(await sweep()).toEqual({ checked: 0, removed: 0 });
    now = new Date(now.getTime() + 16 * 60 * 1000);
    const swept = await sweep();
    expect(swept.removed).toBe(1);
    expect(await files.stat(orphan.fileId)).toBeNull();
    expect(await files.stat(kept.fileId)).toEqual({ fileId: kept.fileId, size: kept.size });
    expect(await deps.store.count('pdfJobs')).toBe(0);
    expect(standin.requests.filter((r) => r.action === 'storage.batchDeleteFile')).toHaveLength(1);
  });

  test('a missing signature comes back as NOT_FOUND with a message for people', async () => {
    const failure = deps.pdf.render(job(`${(await files.put('uploads/u1/gone.txt', Buffer.from('x'))).fileId}-missing`));
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND', message: '签名图片已不存在，请重新签名' });
  });

  test('a caller with no job, or a job that does not exist, gets nothing rendered', async () => {
    const before = standin.requests.filter((r) => r.action === 'storage.getUploadMetadata').length;
    expect(await functions.pdf!({})).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await functions.pdf!({ jobId: '0'.repeat(32) })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(standin.requests.filter((r) => r.action === 'storage.getUploadMetadata')).toHaveLength(before);
  });
});
