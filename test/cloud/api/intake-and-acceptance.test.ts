import { PILOT_MATTERS } from '../../../cloudfunctions/src/catalogue/pilot-matters';
import type { AuditEntry } from '../../../cloudfunctions/src/domain/case';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness, onsiteOnlyMatter, remoteMatter, validCreditCode } from '../../support/harness';
import { inspectionOf } from '../../support/inspection';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const auditOf = (caseId: string) => h.deps.store.find<AuditEntry>('audit', { where: { caseId }, orderBy: [['at', 'asc']] });

describe('applying', () => {
  test('an applicant applies and sees the case as 待受理 with a readable number in China date', async () => {
    h.clock.set('2026-06-11T17:30:00Z'); // already 2026-06-12 01:30 in China
    const c = await h.apply();
    expect(c.state).toBe('submitted');
    expect(c.stateLabel).toBe('待受理');
    expect(c.number).toBe('DL-20260612-0001');
    expect((await h.apply()).number).toBe('DL-20260612-0002');
    expect(c.materials).toHaveLength(1);
  });

  test('refuses a credit code whose check character is wrong, and stores nothing', async () => {
    const bad = validCreditCode().slice(0, 17) + (validCreditCode().endsWith('0') ? '1' : '0');
    const fileId = await h.uploadMaterial('applicant');
    const r = await h.call('applicant', 'applyForInspection', {
      matterCode: 'TJDL-LAB-001', mode: 'remote', materialFileIds: [fileId], company: { name: '某公司', creditCode: bad },
      applicantName: '张三', applicantPhone: '13812345678', premises: { address: '天津市东丽区某路1号', latitude: 39, longitude: 117 },
    });
    expect(r).toEqual({ ok: false, code: 'VALIDATION', message: expect.stringContaining('统一社会信用代码') });
    expect(await h.deps.store.count('cases')).toBe(0);
  });

  test('refuses remote inspection for a matter that does not allow it, with the reason', async () => {
    expect(onsiteOnlyMatter).toBeDefined();
    await expect(h.apply('applicant', { matterCode: onsiteOnlyMatter!.code })).rejects.toThrow(/REMOTE_NOT_ALLOWED/);
    const onsite = await h.apply('applicant', { matterCode: onsiteOnlyMatter!.code, mode: 'onsite' });
    expect(onsite.mode).toBe('onsite');
  });

  test('refuses remote inspection for a blacklisted company and names the reason', async () => {
    await h.deps.store.insert('blacklist', 'b1', { subjectKey: `company:${validCreditCode()}`, active: true, reason: '虚报经营场所地址', listedAt: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' });
    const r = await h.call('applicant', 'applyForInspection', { ...(await applicationFor('applicant')) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('BLACKLISTED');
    expect(!r.ok && r.message).toContain('虚报经营场所地址');
    expect(await h.deps.store.count('cases')).toBe(0);
  });

  test('a lapsed blacklisting no longer blocks remote inspection', async () => {
    await h.deps.store.insert('blacklist', 'b1', { subjectKey: `company:${validCreditCode()}`, active: true, reason: '虚报地址', listedAt: '2025-01-01T00:00:00Z', until: '2026-01-01T00:00:00Z' });
    await expect(h.apply()).resolves.toMatchObject({ state: 'submitted' });
  });

  test('an applicant cannot attach a file someone else uploaded', async () => {
    const theirs = await h.uploadMaterial('otherApplicant');
    const r = await h.call('applicant', 'applyForInspection', { ...(await applicationFor('applicant')), materialFileIds: [theirs] });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  async function applicationFor(who: string) {
    return {
      matterCode: 'TJDL-LAB-001', mode: 'remote' as const, materialFileIds: [await h.uploadMaterial(who)],
      company: { name: '天津东丽宏达物业管理有限公司', creditCode: validCreditCode() }, applicantName: '张三', applicantPhone: '13812345678',
      premises: { address: '天津市东丽区津塘公路398号', latitude: 39.09, longitude: 117.31 },
    };
  }
});

describe('acceptance', () => {
  test('the accepting officer becomes the handler, the case keeps the checklist version, the applicant sees 已受理', async () => {
    const c = await h.apply();
    const accepted = await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
    expect(accepted).toMatchObject({ state: 'accepted', handlerName: '王芳', checklistVersion: 1 });
    expect(accepted.groupLabel).toBe('企业不定时和综合计算工时工作制许可-2026-06-12 09:30-张三');
    const seen = await h.ok('applicant', 'getCase', { caseId: c.id });
    expect(seen.stateLabel).toBe('已受理');
    expect(seen.timeline.map((t) => t.actionLabel)).toEqual(['提交申请', '受理']);
  });

  test('each case keeps the checklist version in force when it was accepted: v2 published between two acceptances', async () => {
    const first = await h.apply();
    const second = await h.apply();
    const v1Codes = PILOT_MATTERS.find((m) => m.matter.code === remoteMatter.code)!.checklist.map((i) => i.code);
    const acceptedBefore = await h.ok('staff', 'acceptCase', { caseId: first.id, version: first.version });
    const v2Items = [{ code: 'N01', title: '新版：消防通道', lookAt: '请走到消防通道', conforming: '通道畅通无杂物' }];
    await h.ok('admin', 'publishChecklist', { code: remoteMatter.code, items: v2Items, note: '新增消防通道' });
    const acceptedAfter = await h.ok('staff', 'acceptCase', { caseId: second.id, version: second.version });
    expect([acceptedBefore.checklistVersion, acceptedAfter.checklistVersion]).toEqual([1, 2]);
    // Both inspected after v2 is out: the first case is still inspected against v1, the second against v2.
    const itemsOf = async (caseId: string) => {
      await forceCase(h, caseId, { state: 'scheduled' });
      const { version } = await inspectionOf(h, caseId);
      return (await h.ok('staff', 'startInspection', { caseId, version })).items.map((i) => i.code);
    };
    expect(await itemsOf(first.id)).toEqual(v1Codes);
    expect(await itemsOf(second.id)).toEqual(['N01']);
    expect((await h.ok('staff', 'getCase', { caseId: first.id })).checklistVersion).toBe(1);
  });

  test('two officers accepting the same case at once: exactly one wins, the other gets CONFLICT', async () => {
    const c = await h.apply();
    const results = await Promise.all([
      h.call('staff', 'acceptCase', { caseId: c.id, version: c.version }),
      h.call('otherStaff', 'acceptCase', { caseId: c.id, version: c.version }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['CONFLICT']);
    expect((await auditOf(c.id)).filter((a) => a.action === 'acceptCase')).toHaveLength(1);
  });

  test('once accepted, no other officer can act on the case (R18)', async () => {
    const c = await h.apply();
    const accepted = await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
    const r = await h.call('otherStaff', 'switchToOnsite', { caseId: c.id, version: accepted.version, reason: '视频无法看清' });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('a section head reassigns with a reason, and the audit shows from whom to whom and why', async () => {
    const c = await h.apply();
    const accepted = await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
    const moved = await h.ok('head', 'reassignCase', { caseId: c.id, version: accepted.version, toOpenid: 'otherStaff', reason: '王芳休假' });
    expect(moved.handlerName).toBe('赵磊');
    const last = (await auditOf(c.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'reassignCase', actorId: 'head', note: '王芳 → 赵磊：王芳休假' });
    expect(await h.call('staff', 'reassignCase', { caseId: c.id, version: moved.version, toOpenid: 'staff', reason: '要回来' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('returning for supplement names what is missing; the applicant resubmits with a new material', async () => {
    const c = await h.apply();
    const returned = await h.ok('staff', 'returnCase', { caseId: c.id, version: c.version, missing: '请补充水质检测报告' });
    expect(returned).toMatchObject({ state: 'returned', returnNote: '请补充水质检测报告' });
    const file = await h.uploadMaterial('applicant', '水质检测报告.pdf');
    const again = await h.ok('applicant', 'resubmitCase', { caseId: c.id, version: returned.version, materialFileIds: [file] });
    expect(again.state).toBe('submitted');
    expect(again.materials.map((m) => m.name)).toEqual(['营业执照副本.pdf', '水质检测报告.pdf']);
  });

  test('refusal keeps the reason; a refused case cannot be accepted', async () => {
    const c = await h.apply();
    const refused = await h.ok('staff', 'refuseCase', { caseId: c.id, version: c.version, reason: '不属于本局受理范围' });
    expect(refused.refuseReason).toBe('不属于本局受理范围');
    expect(await h.call('staff', 'acceptCase', { caseId: c.id, version: refused.version })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('the applicant withdraws with a reason, and the handler is told', async () => {
    const c = await h.apply();
    const accepted = await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
    const withdrawn = await h.ok('applicant', 'withdrawCase', { caseId: c.id, version: accepted.version, reason: '改为现场办理' });
    expect(withdrawn.state).toBe('withdrawn');
    const outbox = await h.deps.store.find<{ to: string; event: string }>('outbox', { where: { to: 'staff' } });
    expect(outbox.map((m) => m.event)).toContain('caseWithdrawn');
  });

  test('a stale version is refused with CONFLICT and changes nothing', async () => {
    const c = await h.apply();
    await h.ok('staff', 'returnCase', { caseId: c.id, version: c.version, missing: '缺少营业执照' });
    expect(await h.call('staff', 'refuseCase', { caseId: c.id, version: c.version, reason: '重复申请' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await h.ok('applicant', 'getCase', { caseId: c.id })).state).toBe('returned');
  });

  test('staff register a counter case for their own section only', async () => {
    const base = { matterCode: 'TJDL-LAB-001', mode: 'remote' as const, company: { name: '天津某公司', creditCode: validCreditCode() }, applicantName: '王五', applicantPhone: '022-84371234', premises: { address: '天津市东丽区某路9号', latitude: 39, longitude: 117 }, receivedAt: h.clock.now().toISOString() };
    const { case: c } = await h.ok('staff', 'registerCase', { ...base, channel: 'counter', materialFileIds: [await h.uploadMaterial('staff')] });
    expect(c).toMatchObject({ channel: 'counter', state: 'submitted' });
    const email = { from: 'hr@example.com', subject: '劳动工时许可申请' };
    expect(await h.call('foreignStaff', 'registerCase', { ...base, channel: 'email', email, materialFileIds: [await h.uploadMaterial('foreignStaff')] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('the router', () => {
  test('a retried request id returns the first result and applies once', async () => {
    const c = await h.apply();
    const first = await h.call('staff', 'acceptCase', { caseId: c.id, version: c.version }, 'req-accept-0001');
    const retry = await h.call('staff', 'acceptCase', { caseId: c.id, version: c.version }, 'req-accept-0001');
    expect(retry).toEqual(first);
    expect((await auditOf(c.id)).filter((a) => a.action === 'acceptCase')).toHaveLength(1);
  });

  test('a failed attempt frees its request id so the same id can try again', async () => {
    const c = await h.apply();
    const early = await h.call('applicant', 'withdrawCase', { caseId: c.id, version: 99, reason: '不办了' }, 'req-withdraw-01');
    expect(early).toMatchObject({ ok: false, code: 'CONFLICT' });
    const again = await h.call('applicant', 'withdrawCase', { caseId: c.id, version: c.version, reason: '不办了' }, 'req-withdraw-01');
    expect(again).toMatchObject({ ok: true, data: { state: 'withdrawn' } });
  });

  test('every change is audited with who, when, from and to', async () => {
    const c = await h.apply();
    await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
    const audit = await auditOf(c.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'applyForInspection', actorId: 'applicant', to: 'submitted', at: expect.any(String) }),
      expect.objectContaining({ action: 'acceptCase', actorId: 'staff', actorName: '王芳', from: 'submitted', to: 'accepted' }),
    ]);
  });

  test('an unknown action, a missing identity and a malformed envelope get structured Chinese errors', async () => {
    expect(await h.raw('applicant', { action: 'dropDatabase', payload: {} })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
    expect(await h.raw(undefined as unknown as string, { action: 'whoami', payload: {} })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await h.raw('applicant', 'not an object')).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  test('whoami tells an officer their roles and the staff actions they may call', async () => {
    const me = await h.ok('staff', 'whoami', {});
    expect(me.roles).toEqual(['applicant', 'staff']);
    expect(me.actions).toEqual(expect.arrayContaining(['acceptCase', 'listHandlerCases']));
    expect(me.actions).not.toContain('grantRoles');
  });

  test('lists are paged and ordered: the officer\'s cases by acceptance time, the applicant\'s newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await h.apply();
      h.clock.advance(60_000);
      await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
      ids.push(c.id);
    }
    const queue = await h.ok('staff', 'listHandlerCases', { state: 'accepted', limit: 2 });
    expect(queue.total).toBe(3);
    expect(queue.items.map((c) => c.id)).toEqual(ids.slice(0, 2));
    const mine = await h.ok('applicant', 'listMyCases', { offset: 2, limit: 2 });
    expect(mine.items.map((c) => c.id)).toEqual([ids[0]]);
    // The applicant's own list: their own name, in full (application/audience).
    expect(mine.items[0]!.applicantNameMasked).toBe('张三');
  });
});

describe('files of a case', () => {
  test('the handler gets a link to a material; a file not on the case is NOT_FOUND', async () => {
    const c = await h.apply();
    const accepted = await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
    const { url } = await h.ok('staff', 'getFileUrl', { caseId: c.id, fileId: accepted.materials[0]!.fileId });
    expect(url).toContain(`/files/cases/${c.id}/materials/`);
    const stranger = await h.uploadMaterial('otherApplicant');
    expect(await h.call('staff', 'getFileUrl', { caseId: c.id, fileId: stranger })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('officers of the section see the handler\'s OPENID, the applicant does not', async () => {
    const c = await h.apply();
    await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
    expect((await h.ok('head', 'getCase', { caseId: c.id })).handlerOpenid).toBe('staff');
    expect((await h.ok('applicant', 'getCase', { caseId: c.id })).handlerOpenid).toBeUndefined();
  });
});

describe('the timeline', () => {
  test('a case with more than 200 audited steps still shows its newest steps, oldest first', async () => {
    const c = await h.apply();
    for (let i = 0; i < 205; i++) {
      h.clock.advance(1000);
      await h.deps.store.insert('audit', `${c.id}:note-${i}`, { at: h.clock.now().toISOString(), actorId: 'staff', actorName: '王芳', action: 'postGroupMessage', subject: `cases/${c.id}`, caseId: c.id });
    }
    h.clock.advance(1000);
    await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
    const timeline = (await h.ok('applicant', 'getCase', { caseId: c.id })).timeline;
    expect(timeline).toHaveLength(200);
    expect(timeline.at(-1)!.actionLabel).toBe('受理');
    expect(timeline.map((t) => t.at)).toEqual([...timeline.map((t) => t.at)].sort());
  });
});
