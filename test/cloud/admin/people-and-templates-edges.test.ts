import type { UserRecord } from '../../../cloudfunctions/src/api/context';
import type { StoredFormTemplate } from '../../../cloudfunctions/src/application/form-templates';
import { DEFAULT_FORM_TEMPLATES } from '../../../cloudfunctions/src/catalogue/form-templates';
import type { AuditEntry } from '../../../cloudfunctions/src/domain/case';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { prepared, uploadSignature } from '../../support/readiness';
import { ref } from '../../support/scenarios';

jest.setTimeout(60_000);

let h: Harness;
afterEach(() => h.close());

const SECTION = remoteMatter.sectionCode;
const shipped = (kind: 'consent' | 'commitment') => DEFAULT_FORM_TEMPLATES.find((t) => t.kind === kind)!;

/** The audit entry the person's latest change of roles left (keyed by the user's version). */
async function latestUserAudit(openid: string): Promise<AuditEntry | null> {
  const user = (await h.deps.store.get<UserRecord>('users', openid))!;
  return h.deps.store.get<AuditEntry>('audit', `users/${openid}:${user._version}`);
}

describe('granting roles', () => {
  beforeEach(async () => {
    h = await makeHarness();
  });

  it('refuses a section head without a section and a regulator without a sector, and changes nothing', async () => {
    expect(await h.call('admin', 'grantRoles', { openid: 'applicant', name: '张三', roles: ['sectionHead'], reason: '任命为科长' })).toMatchObject({
      ok: false, code: 'VALIDATION', message: '审批工作人员和科长须指定所属科室',
    });
    expect(await h.call('admin', 'grantRoles', { openid: 'applicant', name: '张三', roles: ['regulator'], reason: '行业监管部门人员' })).toMatchObject({
      ok: false, code: 'VALIDATION', message: '行业监管部门人员须指定所属行业',
    });
    expect(await h.call('admin', 'createBindingInvite', { name: '郑新', roles: ['regulator'], reason: '行业监管部门人员' })).toMatchObject({
      ok: false, code: 'VALIDATION', message: '行业监管部门人员须指定所属行业',
    });
    expect((await h.deps.store.get<UserRecord>('users', 'applicant'))!.roles).toEqual([]);
    expect((await h.ok('admin', 'listRoleChanges', { openid: 'applicant' })).total).toBe(0);
  });

  it('moves the section and the sector with the grant, and drops them with the roles that needed them', async () => {
    // A regulator moved to another sector: the new sector is the person's and is in the history.
    expect(await h.ok('admin', 'grantRoles', { openid: 'regulator', name: '周敏', roles: ['regulator'], sectorCode: 'REG-OTHER', reason: '调整分管行业' }))
      .toEqual({ openid: 'regulator', name: '周敏', roles: ['regulator'], sectorCode: 'REG-OTHER' });
    expect((await h.ok('admin', 'listRoleChanges', { openid: 'regulator' })).items).toEqual([
      { at: h.clock.now().toISOString(), byName: '管理员', before: ['regulator'], after: ['regulator'], sectorCode: 'REG-OTHER', reason: '调整分管行业' },
    ]);
    // Roles taken away: the section and the sector go with them.
    expect(await h.ok('admin', 'grantRoles', { openid: 'regulator', name: '周敏', roles: [], reason: '调离监管岗位' }))
      .toEqual({ openid: 'regulator', name: '周敏', roles: [] });
    expect(await h.ok('admin', 'grantRoles', { openid: 'staff', name: '王芳', roles: ['supervisor'], reason: '调任政策法规科' }))
      .toEqual({ openid: 'staff', name: '王芳', roles: ['supervisor'] });
    const staff = await h.deps.store.get<UserRecord>('users', 'staff');
    expect([staff!.sectionCode, staff!.sectorCode]).toEqual([undefined, undefined]);
    expect((await h.ok('admin', 'listUsers', { search: '周敏' })).items).toEqual([{ openid: 'regulator', name: '周敏', roles: [] }]);
  });

  it('writes the roles granted and the reason into the audit entry, 无 when none is left', async () => {
    await h.ok('admin', 'grantRoles', { openid: 'staff', name: '王芳', roles: ['staff', 'sectionHead'], sectionCode: SECTION, reason: '任命为科长' });
    expect(await latestUserAudit('staff')).toMatchObject({ action: 'grantRoles', subject: 'users/staff', actorId: 'admin', note: '角色：staff,sectionHead；理由：任命为科长' });
    await h.ok('admin', 'grantRoles', { openid: 'staff', name: '王芳', roles: [], reason: '调离审批岗位' });
    expect(await latestUserAudit('staff')).toMatchObject({ action: 'grantRoles', note: '角色：无；理由：调离审批岗位' });
  });

  it('lets the only admin change their other roles as long as they keep the admin role', async () => {
    expect(await h.ok('admin', 'grantRoles', { openid: 'admin', name: '管理员', roles: ['admin', 'supervisor'], reason: '兼任监督人员' }))
      .toEqual({ openid: 'admin', name: '管理员', roles: ['admin', 'supervisor'] });
    expect(await h.call('admin', 'grantRoles', { openid: 'admin', name: '管理员', roles: ['supervisor'], reason: '交接工作' })).toMatchObject({
      ok: false, code: 'VALIDATION', message: '这是唯一的系统管理员，须先授予另一人管理员角色，才能取消',
    });
  });
});

describe('the deployment’s first admins', () => {
  beforeEach(async () => {
    h = await makeHarness({ config: { firstAdminOpenids: ['root'] } });
  });

  it('count as another admin, so the stored admin may step down, but the first admin may not when left alone', async () => {
    expect((await h.ok('admin', 'grantRoles', { openid: 'admin', name: '管理员', roles: [], reason: '交接工作' })).roles).toEqual([]);
    expect(await h.call('root', 'grantRoles', { openid: 'root', name: '部署管理员', roles: ['supervisor'], reason: '交接工作' })).toMatchObject({
      ok: false, code: 'VALIDATION', message: '这是唯一的系统管理员，须先授予另一人管理员角色，才能取消',
    });
    expect(await h.deps.store.get('users', 'root')).toBeNull();
  });
});

describe('cases', () => {
  beforeEach(async () => {
    h = await makeHarness();
  });

  it('answers an action on a case that does not exist with 未找到该办件', async () => {
    expect(await h.call('staff', 'acceptCase', { caseId: 'no-such-case', version: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该办件' });
  });

  it('files the new case’s audit entry under the case', async () => {
    const c = await h.apply();
    expect(await h.deps.store.get<AuditEntry>('audit', `${c.id}:1`)).toMatchObject({
      action: 'applyForInspection', subject: `cases/${c.id}`, caseId: c.id, to: 'submitted', actorId: 'applicant',
    });
  });

  it('queues one notice to each person a change tells the same thing', async () => {
    const c = await prepared.scheduled(h);
    await h.ok('applicant', 'rescheduleInspection', { ...ref(c), reason: '负责人临时出差' });
    for (const who of ['applicant', 'staff']) {
      const inbox = (await h.ok(who, 'listInbox', {})).items.filter((m) => m.title === '视频踏勘需改期');
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.body).toContain('负责人临时出差');
    }
  });
});

describe('form texts', () => {
  beforeEach(async () => {
    h = await makeHarness();
  });

  it('shows each form’s shipped text while nothing is published, with no publication date', async () => {
    const views = await h.ok('admin', 'getFormTemplates', {});
    expect(views.map((v) => [v.kind, v.version, v.title, v.paragraphs, v.publishedAt])).toEqual([
      ['consent', 1, shipped('consent').title, shipped('consent').paragraphs, undefined],
      ['commitment', 1, shipped('commitment').title, shipped('commitment').paragraphs, undefined],
    ]);
  });

  it('keeps the superseded text when a new one is published, and dates each published version', async () => {
    const v2 = await h.ok('admin', 'publishFormTemplate', { kind: 'commitment', title: '住所（经营场所）告知承诺书', paragraphs: ['{{companyName}}承诺场所真实。'] });
    expect(v2).toMatchObject({ version: 2, publishedAt: h.clock.now().toISOString() });
    const kept = await h.deps.store.get<StoredFormTemplate>('formTemplates', 'commitment@1');
    expect(kept).toMatchObject({ ...shipped('commitment'), publishedBy: 'admin', publishedAt: h.clock.now().toISOString() });
    h.clock.advance(60_000);
    await h.ok('admin', 'publishFormTemplate', { kind: 'commitment', title: '住所（经营场所）告知承诺书', paragraphs: ['{{companyName}}承诺场所真实有效。'] });
    const commitment = (await h.ok('admin', 'getFormTemplates', {})).find((v) => v.kind === 'commitment')!;
    expect(commitment).toMatchObject({ version: 3, paragraphs: ['{{companyName}}承诺场所真实有效。'], publishedAt: h.clock.now().toISOString() });
  });

  it('shows a case the published version it signed after a newer one is out', async () => {
    const c = await prepared.accepted(h);
    await h.ok('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书（第二版）', paragraphs: ['{{companyName}}同意远程视频踏勘。'] });
    await h.ok('applicant', 'signForm', { ...ref(c), kind: 'consent', templateVersion: 2, signatureFileId: await uploadSignature(h, 'applicant') });
    await h.ok('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书（第三版）', paragraphs: ['{{companyName}}同意。'] });
    const consent = (await h.ok('applicant', 'getCaseForms', { caseId: c.id })).forms.find((f) => f.kind === 'consent')!;
    expect(consent).toMatchObject({ version: 2, signedVersion: 2, title: '远程视频踏勘同意书（第二版）', paragraphs: ['天津东丽宏达物业管理有限公司同意远程视频踏勘。'] });
  });

  it('reads a signed version missing from the store as the shipped text if it is the shipped version, and refuses any other', async () => {
    // Cases signed before signed texts were kept: only the case records the version.
    const c = await prepared.consentOnRecord(h);
    expect(await h.deps.store.get('formTemplates', 'consent@1')).toBeNull();
    const consent = (await h.ok('applicant', 'getCaseForms', { caseId: c.id })).forms.find((f) => f.kind === 'consent')!;
    expect(consent).toMatchObject({ version: 1, signedVersion: 1, title: '东丽区行政审批局行政许可事项远程视频踏勘同意书' });
    expect(consent.paragraphs).toHaveLength(shipped('consent').paragraphs.length);
    const record = (await h.deps.store.get<{ forms: { consent: object } }>('cases', c.id))!;
    await forceCase(h, c.id, { forms: { consent: { ...record.forms.consent, templateVersion: 7 } } as never });
    expect(await h.call('applicant', 'getCaseForms', { caseId: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该表单版本' });
  });
});
