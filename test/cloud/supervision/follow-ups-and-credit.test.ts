import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import type { AuditEntry } from '../../../cloudfunctions/src/domain/case';
import { type Harness, makeHarness } from '../../support/harness';
import { decidedCase, drawnFollowUp, pendingFinding } from '../../support/supervision-fixtures';

// Follow-up visits of drawn cases, findings from them or from regulators, and the credit decisions (R8, R15):
// credit file, order to correct, revocation, the blacklist and credit repair.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const outbox = (event: string) => h.deps.store.find<OutboxMessage>('outbox', { limit: 1000 }).then((m) => m.filter((x) => x.event === event));
const reason = '回访核实经营场所为空置商铺，申报地址不实';

describe('recording a follow-up visit', () => {
  test('a visit that found the case as declared is closed once; a second record is refused', async () => {
    const drawn = await drawnFollowUp(h);
    const done = await h.ok('supervisor', 'recordFollowUpOutcome', {
      followUpId: drawn.followUpId, version: 1, result: 'consistent', note: '经营场所与申报一致', evidenceFileIds: [],
    });
    expect(done).toMatchObject({ status: 'consistent', statusLabel: '与申报一致', outcome: { recordedByName: '陈静' } });
    const again = await h.call('supervisor', 'recordFollowUpOutcome', {
      followUpId: drawn.followUpId, version: done.version, result: 'consistent', note: '重复提交', evidenceFileIds: [],
    });
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await h.call('supervisor', 'recordFollowUpOutcome', {
      followUpId: drawn.followUpId, version: 1, result: 'consistent', note: '旧页面提交', evidenceFileIds: [],
    })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  test('a finding with its evidence becomes a pending finding the supervisors are told about', async () => {
    const drawn = await drawnFollowUp(h);
    const { cloudPath } = await h.ok('supervisor', 'requestUpload', { fileName: '现场照片.jpg', size: 5, purpose: 'evidence' });
    const photo = await h.deps.files.put(cloudPath, Buffer.from('photo'));
    const visit = await h.ok('supervisor', 'recordFollowUpOutcome', {
      followUpId: drawn.followUpId, version: 1, result: 'finding', findingKind: 'falseAddress', severity: 'serious', note: reason, evidenceFileIds: [photo.fileId],
    });
    expect(visit.outcome).toMatchObject({ findingKindLabel: '虚报地址', severityLabel: '严重', evidence: [{ name: '现场照片.jpg' }] });
    const pending = await h.ok('supervisor', 'listFindings', { status: 'pending' });
    expect(pending.items).toEqual([
      expect.objectContaining({ id: visit.outcome!.findingId, caseId: drawn.caseId, source: 'followUp', kindLabel: '虚报地址', status: 'pending' }),
    ]);
    expect(await outbox('findingReported')).toEqual([expect.objectContaining({ to: 'supervisor', caseId: drawn.caseId })]);
  });

  test('evidence must be the supervisor’s own upload', async () => {
    const drawn = await drawnFollowUp(h);
    const theirs = await h.uploadMaterial('applicant');
    const r = await h.call('supervisor', 'recordFollowUpOutcome', {
      followUpId: drawn.followUpId, version: 1, result: 'finding', findingKind: 'evasion', severity: 'minor', note: reason, evidenceFileIds: [theirs],
    });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.deps.store.count('findings')).toBe(0);
  });
});

describe('findings reported by a regulator', () => {
  test('only a regulator of the case’s sector may report, and only once the case is decided', async () => {
    const decided = await decidedCase(h);
    const report = { kind: 'falseMaterials' as const, severity: 'grave' as const, description: '租赁合同系伪造', evidenceFileIds: [] };
    expect(await h.call('foreignRegulator', 'reportFinding', { caseId: decided._id, ...report })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const open = await h.apply();
    expect(await h.call('regulator', 'reportFinding', { caseId: open.id, ...report })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.ok('regulator', 'reportFinding', { caseId: decided._id, ...report })).toMatchObject({ source: 'regulator', severityLabel: '特别严重' });
  });
});

describe('the credit decision', () => {
  test('a serious finding blacklists company and person: remote intake is refused with the reason, credit repair opens it again', async () => {
    const finding = await pendingFinding(h);
    const decided = await h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason, blacklistMonths: 12 });
    expect(decided.status).toBe('decided');
    expect(decided.decision?.blacklistUntil).toBe('2027-06-12T01:30:00.000Z'); // twelve months after the decision

    await expect(h.apply()).rejects.toThrow(`BLACKLISTED 申请主体已被列入失信黑名单（虚报地址：${reason}）`);
    await expect(h.apply('applicant', { mode: 'onsite' })).resolves.toMatchObject({ mode: 'onsite' });

    const listings = (await h.ok('supervisor', 'listBlacklist', { activeOnly: true })).items;
    expect(listings.map((l) => l.subjectType).sort()).toEqual(['company', 'person']);
    for (const l of listings) {
      const lifted = await h.ok('supervisor', 'liftBlacklisting', { entryId: l.id, version: l.version, reason: '已整改并完成信用修复' });
      expect(lifted).toMatchObject({ status: 'lifted', statusLabel: '已信用修复', liftReason: '已整改并完成信用修复' });
    }
    await expect(h.apply()).resolves.toMatchObject({ mode: 'remote', state: 'submitted' });
    expect(await outbox('blacklistLifted')).toHaveLength(2);
    const audit = await h.deps.store.find<AuditEntry>('audit', { limit: 1000 });
    expect(audit.filter((a) => a.action === 'liftBlacklisting').map((a) => a.note)).toEqual(['已整改并完成信用修复', '已整改并完成信用修复']);
  });

  test('lifting only the company leaves the person listed', async () => {
    const finding = await pendingFinding(h);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason, blacklistMonths: 6 });
    const company = (await h.ok('supervisor', 'listBlacklist', {})).items.find((l) => l.subjectType === 'company')!;
    await h.ok('supervisor', 'liftBlacklisting', { entryId: company.id, version: company.version, reason: '企业已完成信用修复' });
    await expect(h.apply()).rejects.toThrow(/BLACKLISTED/);
  });

  test('a listing ends with its period', async () => {
    const finding = await pendingFinding(h);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason, blacklistMonths: 1 });
    h.clock.set('2026-07-12T16:00:00Z'); // 13 July in China, a month and a day later
    await expect(h.apply()).resolves.toMatchObject({ mode: 'remote' });
    expect((await h.ok('supervisor', 'listBlacklist', {})).items.map((l) => l.statusLabel)).toEqual(['已到期', '已到期']);
  });

  test('a minor finding cannot blacklist, and nothing is recorded', async () => {
    const decided = await decidedCase(h);
    const minor = await h.ok('regulator', 'reportFinding', { caseId: decided._id, kind: 'evasion', severity: 'minor', description: '未如实说明', evidenceFileIds: [] });
    const r = await h.call('supervisor', 'decideCreditPenalty', { findingId: minor.id, version: minor.version, reason, blacklistMonths: 3 });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await h.deps.store.count('creditRecords')).toBe(0);
    expect(await h.deps.store.count('blacklist')).toBe(0);
  });

  test('revocation shows 已撤销 on the case and reaches the applicant and the sector’s regulator', async () => {
    const c = await decidedCase(h);
    const finding = await pendingFinding(h, c);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason, revokeLicence: true, correctionWorkingDays: 10 });

    const view = await h.ok('applicant', 'getCase', { caseId: c._id });
    expect(view).toMatchObject({ stateLabel: '已撤销', revoked: true, revocation: { reason } });
    expect(view.timeline.map((t) => t.actionLabel)).toEqual(expect.arrayContaining(['撤销行政许可', '信用惩戒决定']));
    const revoked = await outbox('licenceRevoked');
    expect(revoked.map((m) => m.to).sort()).toEqual(['applicant', 'regulator']);
    expect(revoked.every((m) => m.caseId === c._id && m.body.includes(reason))).toBe(true);
    expect(await outbox('creditDecision')).toEqual([expect.objectContaining({ to: 'applicant', body: expect.stringContaining('责令限期改正') })]);
  });

  test('a licence that was never granted cannot be revoked', async () => {
    const failed = await decidedCase(h, undefined, { state: 'failed', decision: 'fail' });
    const finding = await pendingFinding(h, failed);
    const r = await h.call('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason, revokeLicence: true });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('a finding is decided once; the second decision is refused', async () => {
    const finding = await pendingFinding(h);
    const first = await h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason });
    expect(await h.call('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: first.version, reason })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await h.call('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await h.deps.store.count('creditRecords')).toBe(2);
  });

  test('the applicant sees the entries about them and their company; another applicant sees none', async () => {
    const finding = await pendingFinding(h);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: finding.id, version: finding.version, reason, correctionWorkingDays: 15, blacklistMonths: 12 });
    const mine = await h.ok('applicant', 'listMyCreditRecords', {});
    expect(mine.records.map((r) => r.subjectType).sort()).toEqual(['company', 'person']);
    expect(mine.records[0]).toMatchObject({ kindLabel: '虚报地址', measures: ['记入诚信档案', '责令限期改正', '列入失信黑名单'], reason });
    expect(mine.blacklistings.map((b) => b.statusLabel)).toEqual(['生效中', '生效中']);
    expect(await h.ok('otherApplicant', 'listMyCreditRecords', {})).toEqual({ records: [], blacklistings: [] });
  });
});
