import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import type { ActionContext } from '../../../cloudfunctions/src/api/context';
import { type CreditRecord, type ListingRecord, decideOnFinding } from '../../../cloudfunctions/src/application/credit';
import { loadFinding } from '../../../cloudfunctions/src/application/findings';
import { systemContext } from '../../../cloudfunctions/src/application/system-context';
import type { AuditEntry, CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { type Harness, makeHarness } from '../../support/harness';
import { storeWith } from '../../support/store-with';
import { decidedCase, pendingFinding } from '../../support/supervision-fixtures';

// The credit decision as the people concerned and the auditors see it (R8, R15): what each credit file entry and
// listing holds, the audit notes, and the exact notices to the applicant, the handler and the sector's regulators.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const reason = '回访核实经营场所为空置商铺，申报地址不实';
const COMPANY = '天津东丽宏达物业管理有限公司';
const outbox = (event: string) => h.deps.store.find<OutboxMessage>('outbox', { limit: 1000 }).then((m) => m.filter((x) => x.event === event));
const audits = (action: string) => h.deps.store.find<AuditEntry>('audit', { limit: 1000 }).then((a) => a.filter((x) => x.action === action));
const record = (id: string) => h.deps.store.get<CreditRecord>('creditRecords', id);
const message = (id: string) => h.deps.store.get<OutboxMessage>('outbox', id);

describe('what a decision records', () => {
  test('an order to correct with blacklisting: an entry and a listing per subject, each listing audited, the decision audited and told', async () => {
    const c = await decidedCase(h);
    const f = await pendingFinding(h, c);
    const decided = await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason, correctionWorkingDays: 10, blacklistMonths: 12 });
    const deadline = decided.decision!.correctionDeadline!;
    expect(deadline).toBe('2026-06-29T15:59:59.999Z'); // the end of the tenth working day after Friday 12 June, the Dragon Boat Festival left out
    expect(decided.decision).not.toHaveProperty('correctionDeadlineProvisional');
    expect(decided.version).toBe(2);

    const measures = ['creditFile', 'correction', 'blacklist'];
    expect(await record(`${f.id}-company`)).toMatchObject({
      subjectType: 'company', subjectName: COMPANY, subjectKey: `company:${c.company.creditCode}`, caseNumber: c.number, measures, reason,
      correctionDeadline: deadline, blacklistUntil: '2027-06-12T01:30:00.000Z', recordedByName: '陈静',
    });
    expect(await record(`${f.id}-person`)).toMatchObject({
      subjectType: 'person', subjectName: '张三', subjectKey: 'person:applicant', measures, correctionDeadline: deadline, blacklistUntil: '2027-06-12T01:30:00.000Z',
    });
    const mine = await h.ok('applicant', 'listMyCreditRecords', {});
    expect(mine.records.map((r) => [r.subjectType, r.subjectName, r.correctionDeadline, r.blacklistUntil]).sort()).toEqual([
      ['company', COMPANY, deadline, '2027-06-12T01:30:00.000Z'],
      ['person', '张*', deadline, '2027-06-12T01:30:00.000Z'],
    ]);

    for (const subject of ['company', 'person']) {
      expect(await h.deps.store.get('audit', `blacklist/${f.id}-${subject}:1`)).toMatchObject({
        action: 'listOnBlacklist', subject: `blacklist/${f.id}-${subject}`, note: `虚报地址：${reason}`,
      });
    }
    expect(await h.deps.store.get('audit', `findings/${f.id}:2`)).toMatchObject({
      action: 'decideCreditPenalty', subject: `findings/${f.id}`, caseId: c._id, note: `记入诚信档案、责令限期改正、列入失信黑名单：${reason}`,
    });
    expect(await message(`findings:${f.id}:creditDecision:applicant`)).toMatchObject({
      event: 'creditDecision', to: 'applicant', caseId: c._id, title: '信用惩戒决定',
      body: `${c.number} 虚报地址：记入诚信档案、责令限期改正、列入失信黑名单，请于 2026-06-29 前改正`,
      page: '/pages/credit/credit', fields: { number: c.number, matter: c.matterName },
    });
    expect(await outbox('creditDecision')).toHaveLength(1);
    expect(await outbox('provisionalDateIssued')).toEqual([]); // the deadline was counted on a year whose notice is in
  });

  test('an entry in the credit file alone: no deadline, no listing, no revocation, and the notice says just that', async () => {
    const c = await decidedCase(h);
    const f = await pendingFinding(h, c);
    const decided = await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason });
    expect(decided.decision).toMatchObject({ licenceRevoked: false, reason, decidedByName: '陈静' });
    expect(decided.decision).not.toHaveProperty('correctionDeadline');
    expect(decided.decision).not.toHaveProperty('blacklistUntil');

    const mine = await h.ok('applicant', 'listMyCreditRecords', {});
    expect(mine.records.map((r) => r.measures)).toEqual([['记入诚信档案'], ['记入诚信档案']]);
    for (const r of mine.records) {
      expect(r).not.toHaveProperty('correctionDeadline');
      expect(r).not.toHaveProperty('blacklistUntil');
    }
    expect(mine.blacklistings).toEqual([]);
    expect(await h.deps.store.count('blacklist')).toBe(0);
    expect(await audits('listOnBlacklist')).toEqual([]);

    const view = await h.ok('applicant', 'getCase', { caseId: c._id });
    expect(view.stateLabel).not.toBe('已撤销');
    expect(view).not.toHaveProperty('revoked');
    expect(await outbox('licenceRevoked')).toEqual([]);
    expect(await h.deps.store.get('audit', `findings/${f.id}:2`)).toMatchObject({ note: `记入诚信档案：${reason}` });
    expect((await outbox('creditDecision')).map((m) => m.body)).toEqual([`${c.number} 虚报地址：记入诚信档案`]);
    expect(await outbox('provisionalDateIssued')).toEqual([]);
  });

  test('an order to correct running into a year whose holiday notice is not entered is marked provisional, and the handler is asked to watch it', async () => {
    h.clock.set('2026-12-28T02:00:00Z');
    const c = await decidedCase(h);
    const f = await pendingFinding(h, c);
    const decided = await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason, correctionWorkingDays: 10 });
    expect(decided.decision).toMatchObject({ correctionDeadline: '2027-01-12T15:59:59.999Z', correctionDeadlineProvisional: true });
    expect(await record(`${f.id}-company`)).toMatchObject({ correctionDeadline: '2027-01-12T15:59:59.999Z', correctionDeadlineProvisional: true });
    const mine = await h.ok('applicant', 'listMyCreditRecords', {});
    expect(mine.records.map((r) => r.correctionDeadlineProvisional)).toEqual([true, true]);

    expect(await message(`findings:${f.id}:provisionalDateIssued:staff`)).toMatchObject({
      event: 'provisionalDateIssued', to: 'staff', caseId: c._id,
      body: '责令改正期限2027-01-12按法定假日暂算，节假日通知录入后如有变化将请您确认',
    });
    expect((await outbox('creditDecision')).map((m) => m.body)).toEqual([
      `${c.number} 虚报地址：记入诚信档案、责令限期改正，请于 2027-01-12 前改正（该日期按法定假日暂算，国务院通知发布后可能调整）`,
    ]);
  });

  test('a counter case nobody claimed: the person is listed by the phone, and nobody is sent a notice', async () => {
    const c = await decidedCase(h, undefined, { applicantId: null });
    const f = await pendingFinding(h, c);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason, blacklistMonths: 6 });

    expect(await record(`${f.id}-phone`)).toMatchObject({ subjectType: 'person', subjectKey: 'phone:13812345678', subjectName: '张三' });
    const listings = (await h.ok('supervisor', 'listBlacklist', {})).items;
    expect(listings.map((l) => [l.id, l.subjectType, l.subjectName]).sort()).toEqual([
      [`${f.id}-company`, 'company', COMPANY],
      [`${f.id}-phone`, 'phone', '张*（138****5678）'],
    ]);
    expect(await h.deps.store.get<ListingRecord>('blacklist', `${f.id}-phone`)).toMatchObject({ openid: null });
    await expect(h.apply()).rejects.toThrow(`BLACKLISTED 申请主体已被列入失信黑名单（虚报地址：${reason}）`); // the same phone
    expect(await outbox('creditDecision')).toEqual([]);
  });

  test('credit repair tells the listed person with the case number', async () => {
    const c = await decidedCase(h);
    const f = await pendingFinding(h, c);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason, blacklistMonths: 6 });
    const person = (await h.ok('supervisor', 'listBlacklist', {})).items.find((l) => l.subjectType === 'person')!;
    await h.ok('supervisor', 'liftBlacklisting', { entryId: person.id, version: person.version, reason: '已完成整改' });
    expect(await outbox('blacklistLifted')).toEqual([expect.objectContaining({
      to: 'applicant', title: '失信黑名单已解除', body: '经信用修复，张三 已移出失信黑名单：已完成整改', page: '/pages/credit/credit',
      fields: { number: c.number, matter: '信用修复' },
    })]);
  });
});

describe('revocation of the licence', () => {
  test('the sector’s regulators are told with the case, matter and company, and the case page', async () => {
    const c = await decidedCase(h);
    const f = await pendingFinding(h, c);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason, revokeLicence: true });
    const body = `${c.number} ${c.matterName}（${COMPANY}）的行政许可已被撤销：${reason}`;
    const toRegulator = (await outbox('licenceRevoked')).filter((m) => m.to === 'regulator');
    expect(toRegulator.map(({ title, body: b, page, fields, caseId }) => ({ title, body: b, page, fields, caseId }))).toEqual([
      { title: '行政许可已撤销', body, page: `/pages/case-detail/case-detail?id=${c._id}`, fields: { number: c.number, matter: c.matterName }, caseId: c._id },
    ]);
    expect(await h.deps.store.get('audit', `findings/${f.id}:2`)).toMatchObject({ note: `记入诚信档案、撤销行政许可：${reason}` });
  });

  test('an archived case’s licence may be revoked too', async () => {
    const c = await decidedCase(h, undefined, { state: 'archived' });
    const f = await pendingFinding(h, c);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason, revokeLicence: true });
    const view = await h.ok('applicant', 'getCase', { caseId: c._id });
    expect(view).toMatchObject({ stateLabel: '已撤销', revoked: true });
    // The view says when and why, as the case records it.
    const { revocation } = (await h.deps.store.get<CaseRecord>('cases', c._id))!;
    expect(revocation?.reason).toContain(reason);
    expect(view.revocation).toEqual({ revokedAt: h.clock.now().toISOString(), reason: revocation!.reason });
  });

  test('a licence is revoked once: a second finding may not revoke it again, and one never granted cannot be revoked', async () => {
    const c = await decidedCase(h);
    const first = await pendingFinding(h, c);
    await h.ok('supervisor', 'decideCreditPenalty', { findingId: first.id, version: first.version, reason, revokeLicence: true });
    const second = await pendingFinding(h, c);
    expect(await h.call('supervisor', 'decideCreditPenalty', { findingId: second.id, version: second.version, reason, revokeLicence: true }))
      .toMatchObject({ ok: false, code: 'INVALID_STATE', message: '该办件的许可已撤销' });

    const failed = await decidedCase(h, undefined, { state: 'failed', decision: 'fail' });
    const never = await pendingFinding(h, failed);
    expect(await h.call('supervisor', 'decideCreditPenalty', { findingId: never.id, version: never.version, reason, revokeLicence: true }))
      .toMatchObject({ ok: false, code: 'INVALID_STATE', message: '只有踏勘通过的办件才有可撤销的许可' });
    expect(await audits('revokeLicence')).toHaveLength(1);
  });

  test('a decision whose last write was lost is refused, and its retry completes it without revoking twice', async () => {
    const c = await decidedCase(h);
    const f = await pendingFinding(h, c);
    const base = h.deps.store;
    const lost = storeWith(base, { replace: (col, id, v, d) => (col === 'findings' ? Promise.resolve(null) : base.replace(col, id, v, d)) });
    const ctx: ActionContext = { ...systemContext(h.deps), store: lost, caller: { openid: 'supervisor', name: '陈静', roles: new Set(['supervisor']) } };
    await expect(decideOnFinding(ctx, await loadFinding(ctx, f.id), f.version, { reason, revokeLicence: true }))
      .rejects.toMatchObject({ code: 'CONFLICT', message: '该问题记录刚被他人处理，请刷新后重试' });
    expect((await h.deps.store.get<CaseRecord>('cases', c._id))!.revocation).toMatchObject({ findingId: f.id, reason });

    const retried = await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason, revokeLicence: true });
    expect(retried).toMatchObject({ status: 'decided', decision: { licenceRevoked: true } });
    expect(await audits('revokeLicence')).toHaveLength(1);
    expect((await outbox('licenceRevoked')).map((m) => m.to).sort()).toEqual(['applicant', 'regulator']);
  });
});

describe('what a refused decision says', () => {
  test('a stale page, a finding already decided, and the blacklist for a minor finding', async () => {
    const f = await pendingFinding(h);
    const first = await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason });
    expect(await h.call('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: '该问题记录刚被他人处理，请刷新后重试' });
    expect(await h.call('supervisor', 'decideCreditPenalty', { findingId: f.id, version: first.version, reason }))
      .toMatchObject({ ok: false, code: 'INVALID_STATE', message: '该问题已作出处理决定' });

    const decided = await decidedCase(h);
    const minor = await h.ok('regulator', 'reportFinding', { caseId: decided._id, kind: 'evasion', severity: 'minor', description: '未如实说明', evidenceFileIds: [] });
    expect(await h.call('supervisor', 'decideCreditPenalty', { findingId: minor.id, version: minor.version, reason, blacklistMonths: 3 }))
      .toMatchObject({ ok: false, code: 'VALIDATION', message: '轻微问题不列入失信黑名单，可记入诚信档案或责令限期改正' });
  });
});
