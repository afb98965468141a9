import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { inspectionOf } from '../../support/inspection';
import { ref } from '../../support/scenarios';
import { application } from '../../support/scenarios/core';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const V2 = [
  { code: 'W01', title: '水箱间全景', lookAt: '请从门口拍摄水箱间全景', conforming: '水箱间整洁，无杂物' },
  { code: 'W09', title: '消毒记录', lookAt: '请展示最近一次清洗消毒记录', conforming: '半年内有资质单位出具的记录' },
];

test('checklist v2 is published with a note; a case accepted before keeps v1, one accepted after is inspected with v2', async () => {
  const before = await h.ok('staff', 'acceptCase', ref(await h.apply()));
  const v1Titles = (await inspectionOf(h, before.id)).items.map((i) => i.title);

  const matter = await h.ok('admin', 'publishChecklist', { code: remoteMatter.code, items: V2, note: '合并为两项，新增消毒记录' });
  expect(matter.checklistVersion).toBe(2);
  expect(matter.checklist.map((i) => i.code)).toEqual(['W01', 'W09']);
  expect(await h.deps.store.get('checklists', `${remoteMatter.code}@2`)).toMatchObject({ note: '合并为两项，新增消毒记录', publishedBy: 'admin' });
  expect(await h.deps.store.get('audit', `matters/${remoteMatter.code}:2`)).toMatchObject({ note: '踏勘标准第2版：合并为两项，新增消毒记录' });

  const after = await h.ok('staff', 'acceptCase', ref(await h.apply('otherApplicant')));
  expect((await inspectionOf(h, after.id)).items.map((i) => i.title)).toEqual(['水箱间全景', '消毒记录']);
  expect((await inspectionOf(h, before.id)).items.map((i) => i.title)).toEqual(v1Titles);
  expect(v1Titles).not.toEqual(['水箱间全景', '消毒记录']);
});

test('pausing remote inspection for a matter refuses remote applications until it is enabled again', async () => {
  const m = await h.ok('admin', 'getMatter', { code: remoteMatter.code });
  const facts = {
    code: m.code, name: m.name, sectionCode: m.sectionCode, sectionName: m.sectionName, sectorCode: m.sectorCode,
    regulatorName: m.regulatorName, legalBasis: m.legalBasis, preparation: m.preparation,
  };
  await h.ok('admin', 'saveMatter', { ...facts, remoteAllowed: false });
  expect(await h.call('applicant', 'applyForInspection', application('applicant', [await h.uploadMaterial('applicant')]))).toMatchObject({ ok: false, code: 'REMOTE_NOT_ALLOWED' });
  await h.ok('admin', 'saveMatter', { ...facts, remoteAllowed: true });
  expect((await h.call('applicant', 'applyForInspection', application('applicant', [await h.uploadMaterial('applicant')]))).ok).toBe(true);
});

test('a checklist without a note, or with a repeated item code, is refused', async () => {
  expect(await h.call('admin', 'publishChecklist', { code: remoteMatter.code, items: V2 } as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
  expect(await h.call('admin', 'publishChecklist', { code: remoteMatter.code, items: [V2[0]!, V2[0]!], note: '重复' })).toMatchObject({ ok: false, message: expect.stringContaining('检查项编码不能重复') });
});
