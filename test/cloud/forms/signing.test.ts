import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { AuditEntry, CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { type Harness, makeHarness } from '../../support/harness';
import { greyJpeg, png, signaturePng } from '../../support/images';
import { pdfText, squeeze } from '../../support/pdf-text';
import { CONSENT_FORM_V1 } from '../../../cloudfunctions/src/catalogue/form-templates';
import { prepared, sign, uploadSignature } from '../../support/readiness';
import { ref, snapshot } from '../../support/scenarios';

// Each signature renders PDFs with an embedded Chinese font: up to seconds on a loaded machine.
jest.setTimeout(30_000);

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const record = async (caseId: string) => (await h.deps.store.get<CaseRecord>('cases', caseId))!;
const bytesOf = async (fileId: string): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await h.deps.files.read(fileId)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Pixels no compressor can shrink, so the PNG really is as large as its pixels. */
const noise = (x: number, y: number): [number, number, number, number] => {
  const n = Math.imul(x * 7919 + y * 104729, 2654435761) >>> 0;
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, 255];
};
const auditOf = (caseId: string) => h.deps.store.find<AuditEntry>('audit', { where: { caseId }, orderBy: [['at', 'asc']] });

describe('signing the two forms (R6)', () => {
  test('the signed consent form is a PDF whose text a real reader finds: the form, the applicant, the case number', async () => {
    const c = await prepared.accepted(h);
    await sign(h, c, 'consent');
    const copy = (await record(c.id)).forms!.consent!.applicantCopy;
    const text = squeeze(pdfText(await bytesOf(copy.fileId)));
    expect(text).toContain('东丽区行政审批局行政许可事项远程视频踏勘同意书');
    expect(text).toContain('申请人同意审批工作人员对远程视频踏勘全过程进行录像');
    expect(text).toContain('张三');
    expect(text).toContain(c.number);
    expect(text).toContain('天津东丽宏达物业管理有限公司');
    expect(text).toContain('申请人留存联');
  });

  test('the commitment letter names the declared premises, and its office copy says it is the office\'s', async () => {
    const c = await prepared.accepted(h);
    await sign(h, c, 'commitment');
    const office = squeeze(pdfText(await bytesOf((await record(c.id)).forms!.commitment!.officeCopy.fileId)));
    expect(office).toContain('住所（经营场所）告知承诺书');
    expect(office).toContain('天津市东丽区津塘公路398号');
    expect(office).toContain('审批局存档联');
  });

  test('each recorded SHA-256 is the hash of the bytes stored, and the two copies are distinct files', async () => {
    const c = await prepared.accepted(h);
    await sign(h, c, 'consent');
    const { applicantCopy, officeCopy } = (await record(c.id)).forms!.consent!;
    for (const pdf of [applicantCopy, officeCopy]) {
      const stored = await bytesOf(pdf.fileId);
      expect(pdf.sha256).toBe(sha256(stored));
      expect(pdf.size).toBe(stored.length);
    }
    expect(applicantCopy.fileId).not.toBe(officeCopy.fileId);
    expect(applicantCopy.fileId).toMatch(new RegExp(`cases/${c.id}/forms/consent-v1-applicant-`));
  });

  test('signing a form again changes nothing: same copies, no new audit entry', async () => {
    const c = await prepared.accepted(h);
    const first = await sign(h, c, 'consent');
    const before = await snapshot(h);
    const again = await sign(h, c, 'consent');
    expect(again.case.version).toBe(first.case.version);
    expect(again.forms).toEqual(first.forms);
    // The second signature image was uploaded (uploads), but no case, audit or template changed.
    const unchanged = (s: string) => s.split('\n').filter((line) => !line.startsWith('uploads:'));
    expect(unchanged(await snapshot(h))).toEqual(unchanged(before));
  });

  test('both forms signed: the case is 已签署 and the handler is told; opening the group then makes it 待预约', async () => {
    const c = await prepared.consentSigned(h);
    const signed = await sign(h, c, 'commitment');
    expect(signed.case.stateLabel).toBe('已签署');
    expect(signed.forms.map((f) => [f.kind, f.signedVersion])).toEqual([['consent', 1], ['commitment', 1]]);
    const told = await h.deps.store.find<{ event: string; to: string }>('outbox', { where: { to: 'staff' } });
    expect(told.map((n) => n.event)).toContain('formsSigned');

    const group = await h.ok('applicant', 'openGroup', { caseId: c.id });
    expect(group.case.stateLabel).toBe('待预约');
    expect(group.case.timeline.map((t) => t.actionLabel).slice(-3)).toEqual(['申请人签署', '申请人签署', '申请人进入踏勘群']);
  });

  test('the group opened before signing: the second signature makes the case ready at once', async () => {
    const c = await prepared.accepted(h);
    const opened = await h.ok('applicant', 'openGroup', { caseId: c.id });
    expect(opened.case.stateLabel).toBe('已受理');
    await sign(h, opened.case, 'consent');
    const done = await sign(h, await h.ok('applicant', 'getCase', { caseId: c.id }), 'commitment');
    expect(done.case.state).toBe('ready');
    // The state change is on the office's timeline; the applicant's reads in plain words (application/audience).
    expect((await h.ok('staff', 'getCase', { caseId: c.id })).timeline.at(-1)).toMatchObject({ from: 'accepted', to: 'ready' });
    expect(done.case.timeline.at(-1)).toMatchObject({ actionLabel: '申请人签署', note: '住所（经营场所）告知承诺书' });
  });

  test('opening the group again changes nothing', async () => {
    const c = await prepared.signed(h);
    const first = await h.ok('applicant', 'openGroup', { caseId: c.id });
    const again = await h.ok('applicant', 'openGroup', { caseId: c.id });
    expect(again.case.version).toBe(first.case.version);
  });

  test('a case keeps the version it signed after the admin publishes a new text', async () => {
    const c = await prepared.consentSigned(h);
    const published = await h.ok('admin', 'publishFormTemplate', {
      kind: 'consent', title: '{{officeName}}远程视频踏勘同意书（修订）', paragraphs: ['申请人{{applicantName}}同意以远程视频方式踏勘（修订版）。'],
    });
    expect(published.version).toBe(2);
    const forms = await h.ok('applicant', 'getCaseForms', { caseId: c.id });
    const consent = forms.forms.find((f) => f.kind === 'consent')!;
    expect(consent).toMatchObject({ version: 1, signedVersion: 1, title: '东丽区行政审批局行政许可事项远程视频踏勘同意书' });
    const other = await prepared.accepted(h);
    const fresh = (await h.ok('applicant', 'getCaseForms', { caseId: other.id })).forms.find((f) => f.kind === 'consent')!;
    expect(fresh).toMatchObject({ version: 2, title: '东丽区行政审批局远程视频踏勘同意书（修订）' });
  });

  test('signing a version other than the one in force is refused, so a newer text is never signed unread', async () => {
    const c = await prepared.accepted(h);
    await h.ok('admin', 'publishFormTemplate', { kind: 'commitment', title: '住所（经营场所）告知承诺书', paragraphs: ['{{companyName}}承诺场所真实。'] });
    const r = await h.call('applicant', 'signForm', { ...ref(c), kind: 'commitment', templateVersion: 1, signatureFileId: await uploadSignature(h, 'applicant') });
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('第2版') });
    expect((await record(c.id)).forms).toBeUndefined();
  });

  test('a template may only use the placeholders the cloud can fill', async () => {
    const r = await h.call('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', paragraphs: ['法定代表人{{legalPerson}}同意。'] });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('{{applicantName}}') });
  });

  test.each([
    ['a JPEG', () => greyJpeg(16, 16, 200), '签名须为完整的PNG图片'],
    ['a cut-off PNG', () => signaturePng().subarray(0, 200), '签名须为完整的PNG图片'],
    ['a PNG over 1 MB', () => png(600, 600, noise), '不能超过1MB'],
  ])('a signature that is %s is refused and the case is not signed', async (_, bytes, message) => {
    const c = await prepared.accepted(h);
    const r = await h.call('applicant', 'signForm', { ...ref(c), kind: 'consent', templateVersion: 1, signatureFileId: await uploadSignature(h, 'applicant', bytes()) });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining(message) });
    expect((await record(c.id)).forms).toBeUndefined();
  });

  test('a signature someone else uploaded cannot sign', async () => {
    const c = await prepared.accepted(h);
    const theirs = await uploadSignature(h, 'otherApplicant');
    const r = await h.call('applicant', 'signForm', { ...ref(c), kind: 'consent', templateVersion: 1, signatureFileId: theirs });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('the office\'s name and district come from configuration, so another district can deploy it', async () => {
    const other = await makeHarness({ config: { officeName: '西青区行政审批局', district: '天津市西青区' } });
    try {
      const c = await other.ok('staff', 'acceptCase', ref(await other.apply()));
      await sign(other, c, 'consent');
      const fileId = (await other.deps.store.get<CaseRecord>('cases', c.id))!.forms!.consent!.applicantCopy.fileId;
      const chunks: Buffer[] = [];
      for await (const chunk of await other.deps.files.read(fileId)) chunks.push(chunk as Buffer);
      const text = squeeze(pdfText(Buffer.concat(chunks)));
      expect(text).toContain('西青区行政审批局行政许可事项远程视频踏勘同意书');
      expect(text).toContain('根据天津市西青区行政许可事项远程视频踏勘有关规定');
      expect(text).not.toContain('东丽区行政审批局');
    } finally {
      other.close();
    }
  });
});

describe('concurrent signing (issue 11)', () => {
  test('ten concurrent signatures of one form: one renders and is recorded, the others leave no file behind', async () => {
    const c = await prepared.accepted(h);
    const signatures = await Promise.all(Array.from({ length: 10 }, () => uploadSignature(h, 'applicant')));
    const answers = await Promise.all(signatures.map((signatureFileId) =>
      h.call('applicant', 'signForm', { caseId: c.id, version: c.version, kind: 'consent', templateVersion: 1, signatureFileId })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const refused of answers.filter((a) => !a.ok)) expect(['IN_PROGRESS', 'CONFLICT']).toContain((refused as { code: string }).code);
    const { applicantCopy, officeCopy } = (await record(c.id)).forms!.consent!;
    const folder = dirname(h.deps.files.pathOf(applicantCopy.fileId));
    expect(readdirSync(folder).sort()).toEqual([basename(h.deps.files.pathOf(applicantCopy.fileId)), basename(h.deps.files.pathOf(officeCopy.fileId))].sort());
  });

  test('a rendering its case never took up is removed by the sweep after the next job, a quarter of an hour later', async () => {
    const c = await prepared.accepted(h);
    const stray = await h.deps.pdf.render({
      kind: 'signedForm', caseId: c.id, pathPrefix: `cases/${c.id}/forms/consent-v1-applicant`, template: CONSENT_FORM_V1, copy: 'applicant',
      values: {
        officeName: '东丽区行政审批局', district: '天津市东丽区', companyName: '某公司', creditCode: '91120110MA05KXXX1X',
        applicantName: '张三', matterName: '某事项', premisesAddress: '某地', caseNumber: c.number,
      },
      signedAt: h.clock.now().toISOString(), signatureFileId: await uploadSignature(h, 'applicant'),
    });
    expect(await h.deps.files.stat(stray.fileId)).not.toBeNull();
    h.clock.advance(16 * 60 * 1000);
    await sign(h, await h.ok('applicant', 'getCase', { caseId: c.id }), 'consent');
    expect(await h.deps.files.stat(stray.fileId)).toBeNull();
    const { applicantCopy, officeCopy } = (await record(c.id)).forms!.consent!;
    for (const copy of [applicantCopy, officeCopy]) expect(await h.deps.files.stat(copy.fileId)).not.toBeNull();
  });

  test('a claim left by a call killed mid-render holds for two minutes, then a new call takes it over', async () => {
    const c = await prepared.accepted(h);
    await h.deps.store.insert('renderingClaims', `${c.id}:consent:${c.version}`, { caseId: c.id, what: 'consent', version: c.version, by: 'applicant', at: h.clock.now().toISOString() });
    const signatureFileId = await uploadSignature(h, 'applicant');
    const payload = { caseId: c.id, version: c.version, kind: 'consent' as const, templateVersion: 1, signatureFileId };
    expect(await h.call('applicant', 'signForm', payload)).toMatchObject({ ok: false, code: 'IN_PROGRESS', message: '该表单正在签署，请稍候刷新查看' });
    h.clock.advance(2 * 60 * 1000 + 1);
    await h.ok('applicant', 'signForm', payload);
    expect((await record(c.id)).forms?.consent?.signatureFileId).toBe(signatureFileId);
  });
});

describe('countersigning and the copies', () => {
  test('the handler countersigns the office copy: rendered again with both signatures, its new hash recorded', async () => {
    const c = await prepared.consentSigned(h);
    const before = (await record(c.id)).forms!.consent!;
    const done = await h.ok('staff', 'countersignConsent', { ...ref(c), signatureFileId: await uploadSignature(h, 'staff') });
    expect(done.forms[0]!.countersignedAt).toBe(h.clock.now().toISOString());
    const after = (await record(c.id)).forms!.consent!;
    expect(after.applicantCopy).toEqual(before.applicantCopy);
    expect(after.countersign!.officeCopyBefore).toEqual(before.officeCopy);
    expect(after.officeCopy.fileId).not.toBe(before.officeCopy.fileId);
    const stored = await bytesOf(after.officeCopy.fileId);
    expect(after.officeCopy.sha256).toBe(sha256(stored));
    expect(squeeze(pdfText(stored))).toContain('审批局经办人（签字）');
    expect(squeeze(pdfText(await bytesOf(before.officeCopy.fileId)))).not.toContain('审批局经办人（签字）');
  });

  test('countersigning again changes nothing, and only the handler may countersign', async () => {
    const c = await prepared.consentSigned(h);
    const first = await h.ok('staff', 'countersignConsent', { ...ref(c), signatureFileId: await uploadSignature(h, 'staff') });
    const again = await h.ok('staff', 'countersignConsent', { ...ref(c), signatureFileId: await uploadSignature(h, 'staff') });
    expect(again.case.version).toBe(first.case.version);
    expect(await h.call('otherStaff', 'countersignConsent', { ...ref(first.case), signatureFileId: await uploadSignature(h, 'otherStaff') }))
      .toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('the applicant gets links to the applicant copies, staff to the office copies', async () => {
    const c = await prepared.signed(h);
    const mine = await h.ok('applicant', 'getSignedFormCopies', { caseId: c.id });
    const office = await h.ok('staff', 'getSignedFormCopies', { caseId: c.id });
    const forms = (await record(c.id)).forms!;
    expect(mine.map((m) => [m.kind, m.copyLabel, m.sha256])).toEqual([
      ['consent', '申请人留存联', forms.consent!.applicantCopy.sha256],
      ['commitment', '申请人留存联', forms.commitment!.applicantCopy.sha256],
    ]);
    expect(office.map((m) => [m.copy, m.sha256])).toEqual([
      ['office', forms.consent!.officeCopy.sha256],
      ['office', forms.commitment!.officeCopy.sha256],
    ]);
    expect(mine[0]!.url).toContain(`cases/${c.id}/forms/`);
    expect(await h.call('otherApplicant', 'getSignedFormCopies', { caseId: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('the audit keeps each signed copy\'s hash', async () => {
    const c = await prepared.consentSigned(h);
    const { applicantCopy, officeCopy } = (await record(c.id)).forms!.consent!;
    const entry = (await auditOf(c.id)).find((a) => a.action === 'signForm')!;
    expect(entry.note).toContain(applicantCopy.sha256);
    expect(entry.note).toContain(officeCopy.sha256);
  });
});
