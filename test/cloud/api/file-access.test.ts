import { type Harness, makeHarness } from '../../support/harness';
import { addScreenshot, passedCase, startedCase } from '../../support/inspection';
import { cases } from '../../support/scenarios/core';

// R13: every link handed out for a case file is recorded (who, as what, when, which file). The applicant sees who
// opened their materials and recordings; the office sees every link. A refused request leaves no record.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('each link handed out is recorded; the applicant sees material opens, the office sees evidence opens too', async () => {
  const c = await cases.accepted(h);
  const material = c.materials[0]!;
  h.clock.set('2026-06-15T02:10:00.000Z');
  await h.ok('staff', 'getFileUrl', { caseId: c.id, fileId: material.fileId });
  h.clock.set('2026-06-15T02:20:00.000Z');
  await h.ok('supervisor', 'getFileUrl', { caseId: c.id, fileId: material.fileId });

  const office = await h.ok('staff', 'listFileAccess', { caseId: c.id });
  expect(office).toEqual([
    { at: '2026-06-15T02:20:00.000Z', who: '陈静', roleLabel: '政策法规科', fileName: material.name, kindLabel: '申请材料' },
    { at: '2026-06-15T02:10:00.000Z', who: '王芳', roleLabel: '经办人', fileName: material.name, kindLabel: '申请材料' },
  ]);
  expect(await h.ok('applicant', 'listFileAccess', { caseId: c.id })).toEqual(office);
});

test('the applicant is not shown opens of the officers\' own evidence; the office is', async () => {
  const { caseId } = await startedCase(h);
  const shot = await addScreenshot(h, caseId, '屏幕截图.jpg');
  await h.ok('supervisor', 'getFileUrl', { caseId, fileId: shot.fileId });

  expect(await h.ok('applicant', 'listFileAccess', { caseId })).toEqual([]);
  expect(await h.ok('head', 'listFileAccess', { caseId })).toEqual([expect.objectContaining({ who: '陈静', fileName: '屏幕截图.jpg', kindLabel: '踏勘证据' })]);
});

test('a refused link is not recorded, and only the applicant and the office may read the log', async () => {
  const c = await cases.accepted(h);
  expect(await h.call('otherApplicant', 'getFileUrl', { caseId: c.id, fileId: c.materials[0]!.fileId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await h.call('staff', 'getFileUrl', { caseId: c.id, fileId: 'local://uploads/applicant/x.pdf' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await h.deps.store.count('fileAccess')).toBe(0);
  expect(await h.call('otherApplicant', 'listFileAccess', { caseId: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await h.call('foreignStaff', 'listFileAccess', { caseId: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('a link to the archive is recorded too, and shown to the office', async () => {
  const { caseId } = await passedCase(h);
  await h.ok('supervisor', 'getArchive', { caseId });
  expect(await h.ok('staff', 'listFileAccess', { caseId })).toEqual([expect.objectContaining({ who: '陈静', roleLabel: '政策法规科', kindLabel: '踏勘归档' })]);
});
