import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
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

/** A case inspected with pictures, a recording reference, an observer remark and signed forms, then passed. */
async function archivedCase() {
  const { caseId } = await startedCase(h, AT_PREMISES);
  await forceCase(h, caseId, {
    observerIds: ['supervisor'],
    forms: {
      consent: {
        templateVersion: 1, signedAt: '2026-06-12T02:05:00.000Z', signatureFileId: 'local://x',
        applicantCopy: { fileId: 'local://a', sha256: 'a'.repeat(64), size: 1 }, officeCopy: { fileId: 'local://o', sha256: 'b'.repeat(64), size: 1 },
      },
    },
  });
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
    expect(text).toContain('b'.repeat(64)); // the office copy of the signed consent form
    expect(text).toContain('图2'); // both pictures printed: the live photo and the screenshot
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

  test('staff, supervisors and the sector\'s regulator get a link; the applicant and other sectors do not', async () => {
    const { caseId } = await archivedCase();
    for (const who of ['staff', 'head', 'supervisor', 'regulator', 'admin']) {
      expect((await h.ok(who, 'getArchive', { caseId })).downloadUrl).toContain('/archive/');
    }
    for (const who of ['applicant', 'foreignRegulator', 'foreignStaff']) {
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
