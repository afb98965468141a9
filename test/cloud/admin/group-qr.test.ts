import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { upload } from '../../support/inspection';
import { signaturePng } from '../../support/images';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('every section of the catalogue is listed with its group QR code, published and taken down by the admin', async () => {
  const before = await h.ok('admin', 'listSectionGroupQrs', {});
  const mine = () => before.find((s) => s.sectionCode === remoteMatter.sectionCode)!;
  expect(mine()).toEqual({ sectionCode: remoteMatter.sectionCode, sectionName: remoteMatter.sectionName, published: false });
  expect(new Set(before.map((s) => s.sectionCode)).size).toBe(before.length);

  const qr = await upload(h, 'admin', 'groupQr', 'qr.png', signaturePng());
  expect(qr).toContain('/groupQr/');
  await h.ok('admin', 'setSectionGroupQr', { sectionCode: remoteMatter.sectionCode, qrFileId: qr });
  const published = (await h.ok('admin', 'listSectionGroupQrs', {})).find((s) => s.sectionCode === remoteMatter.sectionCode)!;
  expect(published).toMatchObject({ published: true, qrUrl: expect.stringContaining('groupQr'), updatedAt: h.clock.now().toISOString() });

  await h.ok('admin', 'setSectionGroupQr', { sectionCode: remoteMatter.sectionCode });
  expect((await h.ok('admin', 'listSectionGroupQrs', {})).find((s) => s.sectionCode === remoteMatter.sectionCode)!.published).toBe(false);
});

test('a QR code uploaded by someone else cannot be published', async () => {
  const theirs = await upload(h, 'staff', 'groupQr', 'qr.png', signaturePng());
  expect(await h.call('admin', 'setSectionGroupQr', { sectionCode: remoteMatter.sectionCode, qrFileId: theirs })).toMatchObject({ ok: false });
});
