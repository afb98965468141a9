import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { CONSENT_FORM_V1 } from '../../../cloudfunctions/src/catalogue/form-templates';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { signaturePng } from '../../support/images';
import { pdfText, squeeze } from '../../support/pdf-text';
import {
  AT_PREMISES, caseRecord, addLivePhoto, addScreenshot, decide, firstItem, inspectionOf, proveAll, recordFindings, rectifyingCase, startedCase,
} from '../../support/inspection';

// A pass or fail renders the archive PDF with the embedded Chinese font: seconds, on a busy machine.
jest.setTimeout(30_000);

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const archiveBytes = async (caseId: string) => readFileSync(h.deps.files.pathOf((await caseRecord(h, caseId)).archive!.fileId));

/** Both copies of the consent form, rendered and stored by the pdf function as signing does. */
async function signedConsent(caseId: string) {
  const c = await caseRecord(h, caseId);
  const signature = await h.deps.files.put(`uploads/applicant/${caseId}-signature.png`, Buffer.from(signaturePng()));
  const copy = async (which: 'applicant' | 'office') => {
    const { fileId, sha256: hash, size } = await h.deps.pdf.render({
      kind: 'signedForm', caseId, pathPrefix: `cases/${caseId}/forms/consent-v1-${which}`, template: CONSENT_FORM_V1, copy: which,
      values: {
        officeName: '东丽区行政审批局', district: '天津市东丽区', companyName: c.company.name, creditCode: c.company.creditCode,
        applicantName: c.applicantName, matterName: c.matterName, premisesAddress: c.premises.address, caseNumber: c.number,
      },
      signedAt: '2026-06-12T02:05:00.000Z', signatureFileId: signature.fileId,
    });
    return { fileId, sha256: hash, size };
  };
  return { templateVersion: 1, signedAt: '2026-06-12T02:05:00.000Z', signatureFileId: signature.fileId, applicantCopy: await copy('applicant'), officeCopy: await copy('office') };
}

/** A case inspected with pictures, a recording reference, an observer remark and signed forms, then passed. */
async function archivedCase() {
  const { caseId } = await startedCase(h, AT_PREMISES);
  await forceCase(h, caseId, { observerIds: ['supervisor'], forms: { consent: await signedConsent(caseId) } });
  await addLivePhoto(h, caseId);
  await addScreenshot(h, caseId);
  await h.ok('staff', 'attachMeetingRecording', { caseId, recordFileId: 'rec-778899', meetingCode: '123456789' });
  await h.ok('supervisor', 'addObserverRemark', { caseId, text: '踏勘过程规范，会话码已截图留存' });
  await recordFindings(h, caseId);
  return decide(h, caseId, 'pass', { opinion: '经远程视频踏勘，经营场所真实，符合踏勘标准，同意通过。' });
}

describe('the archive PDF (R13)', () => {
  test('is made at the decision, stored in the case folder, listed in the case with the hash of its bytes', async () => {
    const view = await archivedCase();
    const record = await caseRecord(h, view.caseId);
    expect(record.state).toBe('archived');
    expect(record.archive!.fileId).toContain(`cases/${view.caseId}/archive/`);
    const bytes = await archiveBytes(view.caseId);
    expect(view.archive).toMatchObject({ sha256: sha256(bytes), size: bytes.length, fileName: `踏勘档案-${view.number}.pdf`, chainHead: view.chainHead!.entryHash });
    expect((await h.ok('applicant', 'getCase', { caseId: view.caseId })).timeline.map((t) => t.actionLabel)).toEqual(
      expect.arrayContaining(['作出踏勘决定', '生成踏勘档案并推送监管部门']),
    );
  });

  test('reads back with a real PDF parser: Chinese text, the case number, every evidence hash and the chain head', async () => {
    const view = await archivedCase();
    const text = squeeze(pdfText(await archiveBytes(view.caseId)));
    expect(text).toContain('行政许可事项远程视频踏勘档案');
    expect(text).toContain(`案件编号${view.number}`);
    expect(text).toContain('经远程视频踏勘，经营场所真实，符合踏勘标准，同意通过。');
    expect(text).toContain('踏勘过程规范，会话码已截图留存');
    expect(text).toContain('腾讯会议云录制');
    expect(view.evidence).toHaveLength(3);
    for (const e of view.evidence) expect(text).toContain(e.sha256);
    expect(text).toContain(view.chainHead!.entryHash);
    expect(text).toContain('图2'); // both pictures printed: the live photo and the screenshot
  });

  test('carries the signed forms: each copy\'s hash in the table and its pages appended as stored', async () => {
    const view = await archivedCase();
    const { forms } = await caseRecord(h, view.caseId);
    const archive = await archiveBytes(view.caseId);
    const text = squeeze(pdfText(archive));
    for (const copy of [forms!.consent!.applicantCopy, forms!.consent!.officeCopy]) expect(text).toContain(copy.sha256);
    expect(text).toContain('以上2份文书的原件按序附于本档案之后');
    // The forms' own pages follow the archive's: their title, both copies' labels, and their page count adds up.
    expect(text).toContain('远程视频踏勘同意书');
    expect(text).toContain('申请人留存联');
    expect(text).toContain('审批局存档联');
    const pages = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();
    const formPages = await pages(readFileSync(h.deps.files.pathOf(forms!.consent!.officeCopy.fileId)));
    expect(formPages).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/第1页共(\d+)页/);
    const own = Number(/第1页共(\d+)页/.exec(text)![1]);
    expect(await pages(archive)).toBe(own + 2 * formPages);
  });

  test('a signed form whose stored bytes no longer match their hash stops the archive with a clear message; the decision stands', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    const consent = await signedConsent(caseId);
    await forceCase(h, caseId, { forms: { consent } });
    writeFileSync(h.deps.files.pathOf(consent.officeCopy.fileId), Buffer.from('%PDF-1.7 altered'));
    await recordFindings(h, caseId);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const decided = await decide(h, caseId, 'pass');
    expect(decided.state).toBe('passed');
    const retried = await h.call('staff', 'archiveCase', { caseId, version: decided.version });
    errors.mockRestore();
    expect(retried).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('远程视频踏勘同意书（审批局存档联）的文件与签署时记录的哈希不符') });
    expect((await caseRecord(h, caseId)).archive).toBeUndefined();
  });

  test('shows the first finding beside the re-inspection\'s', async () => {
    const { caseId } = await rectifyingCase(h);
    await proveAll(h, caseId);
    await h.ok('applicant', 'requestReinspection', { caseId, version: (await inspectionOf(h, caseId)).version });
    await forceCase(h, caseId, { state: 'scheduled' });
    await h.ok('staff', 'startInspection', { caseId, version: (await inspectionOf(h, caseId)).version });
    await h.ok('staff', 'saveChecklistItem', { caseId, itemCode: await firstItem(h, caseId), result: 'conforming', note: '已整改到位', revision: 0 });
    await decide(h, caseId, 'pass');
    const text = squeeze(pdfText(await archiveBytes(caseId)));
    expect(text).toContain('首次：不符合');
    expect(text).toContain('第2次复查：符合（已整改到位）');
  });

  test('the applicant of the case, staff, supervisors and the sector\'s regulator get a link; other sectors do not', async () => {
    const { caseId } = await archivedCase();
    for (const who of ['applicant', 'staff', 'head', 'supervisor', 'regulator', 'admin']) {
      expect((await h.ok(who, 'getArchive', { caseId })).downloadUrl).toContain('/archive/');
    }
    expect((await h.ok('applicant', 'getCase', { caseId })).can).toContain('getArchive');
    for (const who of ['foreignRegulator', 'foreignStaff']) {
      expect(await h.call(who, 'getArchive', { caseId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  test('if archiving failed after the decision, the decision stands and archiveCase makes it', async () => {
    const { caseId } = await startedCase(h);
    await recordFindings(h, caseId);
    const pdf = h.deps.pdf;
    h.deps.pdf = { render: () => Promise.reject(new Error('pdf function unavailable')) };
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const decided = await decide(h, caseId, 'pass');
    errors.mockRestore();
    h.deps.pdf = pdf;
    expect(decided.state).toBe('passed');
    expect(decided.can).toContain('archiveCase');
    const archived = await h.ok('staff', 'archiveCase', { caseId, version: decided.version });
    expect(archived.state).toBe('archived');
    expect(archived.archive?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the regulator push (R15)', () => {
  test('a decided case lands in its sector\'s inbox, with a notice to each of its regulators', async () => {
    const { caseId, number } = await archivedCase();
    const inbox = await h.ok('regulator', 'listRegulatorInbox', {});
    expect(inbox).toMatchObject({ total: 1, items: [{ caseId, number, outcome: 'pass', outcomeLabel: '通过', delivery: { recipients: 1, pending: 1 } }] });
    const notices = await h.deps.store.find<OutboxMessage>('outbox', { where: { to: 'regulator' }, orderBy: [['createdAt', 'desc']] });
    expect(notices).toEqual([expect.objectContaining({ event: 'casePushed', caseId, fields: expect.objectContaining({ result: '通过' }) })]);
    expect(await h.ok('foreignRegulator', 'listRegulatorInbox', {})).toMatchObject({ total: 0, items: [] });
    expect(await h.deps.store.count('outbox', { to: 'foreignRegulator' })).toBe(0);
  });

  test('the regulator reads the decided case and its inspection', async () => {
    const { caseId } = await archivedCase();
    await expect(h.ok('regulator', 'getInspection', { caseId })).resolves.toMatchObject({ state: 'archived', decisions: [{ outcome: 'pass' }] });
    expect(await h.call('foreignRegulator', 'getInspection', { caseId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('the inbox is newest first and served by an index', async () => {
    const first = await archivedCase();
    h.clock.advance(60_000);
    const second = await archivedCase();
    expect((await h.ok('regulator', 'listRegulatorInbox', {})).items.map((i) => i.caseId)).toEqual([second.caseId, first.caseId]);
    const plan = h.deps.store.explain('regulatorInbox', { where: { sectorCode: 'x' }, orderBy: [['pushedAt', 'desc']] }).join(' | ');
    expect(plan).toContain('regulatorInbox_by_sector_pushed');
    expect(plan).not.toMatch(/USE TEMP B-TREE/);
    const chain = h.deps.store.explain('evidence', { where: { caseId: 'x' }, orderBy: [['_id', 'asc']] }).join(' | ');
    expect(chain).toContain('evidence_by_case');
    expect(chain).not.toMatch(/USE TEMP B-TREE/);
  });
});
