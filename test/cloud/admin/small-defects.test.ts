import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { decidedCase } from '../../support/supervision-fixtures';

describe('listSectionStaff', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness();
  });
  afterAll(() => h.close());

  it('answers an admin (who belongs to no section) for the section named, and a section head for their own', async () => {
    const names = (users: { name: string }[]) => users.map((u) => u.name);
    expect(names(await h.ok('admin', 'listSectionStaff', { sectionCode: remoteMatter.sectionCode }))).toEqual(expect.arrayContaining(['王芳', '赵磊']));
    expect(names(await h.ok('head', 'listSectionStaff', {}))).toEqual(names(await h.ok('head', 'listSectionStaff', { sectionCode: remoteMatter.sectionCode })));
    expect(names(await h.ok('admin', 'listSectionStaff', { sectionCode: 'SEC-OTHER' }))).toEqual(['孙丽']);
  });

  it('refuses a section head another section, and asks an admin which section', async () => {
    expect(await h.call('head', 'listSectionStaff', { sectionCode: 'SEC-OTHER' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只能查看本科室的工作人员' });
    expect(await h.call('admin', 'listSectionStaff', {})).toMatchObject({ ok: false, code: 'VALIDATION', message: '请指明要查看哪个科室的工作人员' });
  });
});

describe('reportFinding', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  const report = (caseId: string, kind: 'falseMaterials' | 'falseAddress' = 'falseMaterials') =>
    h.call('regulator', 'reportFinding', { caseId, kind, severity: 'serious', description: '提交的租赁合同系伪造', evidenceFileIds: [] });

  it('refuses the same kind of finding on a case while one is pending, and takes it again once decided', async () => {
    const c = await decidedCase(h);
    const first = await report(c._id);
    expect(first.ok).toBe(true);
    expect(await report(c._id)).toMatchObject({ ok: false, code: 'DUPLICATE', message: expect.stringContaining('请勿重复报告') });
    expect((await report(c._id, 'falseAddress')).ok).toBe(true); // another kind is another finding
    expect(await h.deps.store.count('findings', { caseId: c._id, kind: 'falseMaterials' })).toBe(1);

    const f = first.ok ? first.data : null;
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: f!.id, version: f!.version, reason: '已记入诚信档案' });
    expect((await report(c._id)).ok).toBe(true);
    expect(await h.deps.store.count('findings', { caseId: c._id, kind: 'falseMaterials' })).toBe(2);
  });

  it('stores one of two reports racing each other', async () => {
    const c = await decidedCase(h);
    const results = await Promise.all(Array.from({ length: 5 }, () => report(c._id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'DUPLICATE']);
    expect(await h.deps.store.count('findings', { caseId: c._id })).toBe(1);
  });
});
