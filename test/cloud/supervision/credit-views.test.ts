import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import type { ActionContext } from '../../../cloudfunctions/src/api/context';
import { type CreditRecord, type ListingRecord, liftListing, toCreditRecordView, toListingView } from '../../../cloudfunctions/src/application/credit';
import { announceFinding, type FindingRecord, loadFinding, toFindingView } from '../../../cloudfunctions/src/application/findings';
import { type FollowUpRecord, toFollowUpView } from '../../../cloudfunctions/src/application/follow-ups';
import { systemContext } from '../../../cloudfunctions/src/application/system-context';
import type { Store } from '../../../cloudfunctions/src/ports/store';
import { type Harness, makeHarness } from '../../support/harness';
import { storeWith } from '../../support/store-with';

// The credit file and the blacklist as the pages show them (who is masked, what status a listing is in, from when),
// and credit repair's refusals, through the functions the actions call.

const NOW = new Date('2026-12-04T02:00:00.000Z');

const listing = (patch: Partial<ListingRecord> = {}): ListingRecord & { _id: string; _version: number } => ({
  _id: 'person:o-1', _version: 2, subjectKey: 'person:o-1', subjectType: 'person', subjectName: '王小明', active: true, reason: '虚报地址',
  listedAt: '2026-06-04T02:00:00.000Z', until: '2027-06-04T02:00:00.000Z', caseId: 'c1', caseNumber: 'TK-2026-0001', findingId: 'f1',
  openid: 'o-1', listedBy: 'sup', listedByName: '监督员', ...patch,
});

describe('a blacklist entry as shown', () => {
  test('a company by its name, a person masked, a person known by phone masked with the phone masked', () => {
    expect(toListingView(listing({ subjectType: 'company', subjectKey: 'company:91310000MA1K000001', subjectName: '青禾餐饮有限公司' }), NOW).subjectName).toBe('青禾餐饮有限公司');
    expect(toListingView(listing(), NOW).subjectName).toBe('王**');
    expect(toListingView(listing({ subjectType: 'phone', subjectKey: 'phone:13812345678' }), NOW).subjectName).toBe('王**（138****5678）');
  });

  test('in force until its end, expired from the end on, lifted once repaired; a listing without end stays in force', () => {
    const view = (patch: Partial<ListingRecord>, now = NOW) => toListingView(listing(patch), now);
    expect(view({})).toEqual({
      id: 'person:o-1', version: 2, subjectType: 'person', subjectName: '王**', caseNumber: 'TK-2026-0001', reason: '虚报地址',
      listedAt: '2026-06-04T02:00:00.000Z', until: '2027-06-04T02:00:00.000Z', status: 'inForce', statusLabel: '生效中',
    });
    expect(view({ until: NOW.toISOString() })).toMatchObject({ status: 'expired', statusLabel: '已到期' });
    expect(view({ until: '2026-12-04T02:00:00.001Z' })).toMatchObject({ status: 'inForce' });
    expect(view({ until: null })).toMatchObject({ status: 'inForce', until: null });
    expect(view({ active: false, liftedAt: '2026-11-01T02:00:00.000Z', liftReason: '已完成整改' })).toMatchObject({
      status: 'lifted', statusLabel: '已信用修复', liftedAt: '2026-11-01T02:00:00.000Z', liftReason: '已完成整改',
    });
  });
});

describe('a credit file entry as shown', () => {
  const record = (patch: Partial<CreditRecord> = {}): CreditRecord & { _id: string; _version: number } => ({
    _id: 'r1', _version: 1, subjectKey: 'person:o-1', subjectType: 'person', subjectName: '王小明', caseId: 'c1', caseNumber: 'TK-2026-0001',
    findingId: 'f1', kind: 'falseAddress', severity: 'serious', measures: ['creditFile', 'blacklist'], reason: '地址不实',
    recordedAt: '2026-06-04T02:00:00.000Z', recordedBy: 'sup', recordedByName: '监督员', ...patch,
  });

  test('names the company in full and the person masked, with the measures and dates it has and no others', () => {
    expect(toCreditRecordView(record())).toEqual({
      id: 'r1', subjectType: 'person', subjectName: '王**', caseNumber: 'TK-2026-0001', kindLabel: '虚报地址', severityLabel: '严重',
      measures: ['记入诚信档案', '列入失信黑名单'], reason: '地址不实', recordedAt: '2026-06-04T02:00:00.000Z',
    });
    expect(toCreditRecordView(record({
      subjectType: 'company', subjectName: '青禾餐饮有限公司', correctionDeadline: '2026-07-01T16:00:00.000Z', correctionDeadlineProvisional: true,
      blacklistUntil: '2027-06-04T02:00:00.000Z',
    }))).toMatchObject({
      subjectName: '青禾餐饮有限公司', correctionDeadline: '2026-07-01T16:00:00.000Z', correctionDeadlineProvisional: true, blacklistUntil: '2027-06-04T02:00:00.000Z',
    });
  });
});

describe('credit repair (liftListing)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  const ctx = (store: Store = h.deps.store): ActionContext => ({ ...systemContext(h.deps), store, caller: { openid: 'sup', name: '监督员', roles: new Set(['supervisor']) } });
  const stored = async (patch: Partial<ListingRecord> = {}) => {
    const { _id, _version, ...body } = listing(patch);
    await h.deps.store.insert('blacklist', _id, body);
    return _id;
  };
  const outbox = () => h.deps.store.find<OutboxMessage>('outbox', { where: {} });

  test('lifts the listing, audits it and tells the listed person', async () => {
    const id = await stored();
    const lifted = await liftListing(ctx(), id, 1, '已完成整改');
    expect(lifted).toMatchObject({ _id: id, _version: 2, active: false, liftReason: '已完成整改', liftedBy: 'sup', liftedByName: '监督员' });
    expect(await h.deps.store.get('audit', `blacklist/${id}:2`)).toMatchObject({ action: 'liftBlacklisting', subject: `blacklist/${id}`, caseId: 'c1', note: '已完成整改' });
    expect((await outbox()).map((m) => [m.to, m.event, m.title, m.body])).toEqual([['o-1', 'blacklistLifted', '失信黑名单已解除', '经信用修复，王小明 已移出失信黑名单：已完成整改']]);
  });

  test('a listing of someone without an OPENID (known by phone) is lifted without a notice', async () => {
    const id = await stored({ openid: null });
    await liftListing(ctx(), id, 1, '已完成整改');
    expect(await outbox()).toEqual([]);
  });

  test('refuses a listing that is not there, one changed since the page read it, one already lifted, and a write lost to another', async () => {
    await expect(liftListing(ctx(), 'person:nobody', 1, '理由')).rejects.toMatchObject({ code: 'NOT_FOUND', message: '未找到该失信黑名单记录' });
    const id = await stored();
    await expect(liftListing(ctx(), id, 2, '理由')).rejects.toMatchObject({ code: 'CONFLICT', message: '该记录刚被他人修改，请刷新后重试' });
    const lost = storeWith(h.deps.store, { replace: async () => null });
    await expect(liftListing(ctx(lost), id, 1, '理由')).rejects.toMatchObject({ code: 'CONFLICT', message: '该记录刚被他人修改，请刷新后重试' });
    expect(await h.deps.store.get('audit', `blacklist/${id}:null`)).toBeNull();
    await liftListing(ctx(), id, 1, '已完成整改');
    await expect(liftListing(ctx(), id, 2, '理由')).rejects.toMatchObject({ code: 'INVALID_STATE', message: '该名单已解除' });
    expect((await outbox()).length).toBe(1);
  });
});

describe('findings and follow-ups', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  const finding = (patch: Partial<FindingRecord> = {}): FindingRecord => ({
    caseId: 'c1', caseNumber: 'TK-2026-0001', matterCode: 'M01', matterName: '食品经营许可', companyName: '青禾餐饮有限公司', source: 'regulator',
    kind: 'falseMaterials', severity: 'minor', description: '材料与实际不符', evidence: [], reportedAt: NOW.toISOString(), reportedBy: 'reg',
    reportedByName: '监管员', status: 'pending', ...patch,
  });

  test('a new finding is audited by how it came and announced to every supervisor, who must decide on it', async () => {
    const ctx = systemContext(h.deps);
    await announceFinding(ctx, 'f-reg', finding());
    await announceFinding(ctx, 'fu-2026-11-c1', finding({ source: 'followUp', followUpId: '2026-11-c1', kind: 'falseAddress', severity: 'serious' }));
    expect(await h.deps.store.get('audit', 'findings/f-reg:1')).toMatchObject({ action: 'reportFinding', subject: 'findings/f-reg', note: 'TK-2026-0001 提交虚假资料（轻微）' });
    expect(await h.deps.store.get('audit', 'findings/fu-2026-11-c1:1')).toMatchObject({ action: 'recordFollowUpOutcome', subject: 'findings/fu-2026-11-c1', note: 'TK-2026-0001 虚报地址（严重）' });
    const sent = await h.deps.store.get<OutboxMessage>('outbox', 'findings:fu-2026-11-c1:findingReported:supervisor');
    expect(sent).toMatchObject({
      to: 'supervisor', event: 'findingReported', caseId: 'c1', title: '发现失信问题，待作出处理决定',
      body: 'TK-2026-0001 青禾餐饮有限公司：虚报地址（严重，监督回访）', page: '/package-supervise/pages/finding/finding?id=fu-2026-11-c1',
      fields: { number: 'TK-2026-0001', matter: '食品经营许可' },
    });
    expect((await h.deps.store.get<OutboxMessage>('outbox', 'findings:f-reg:findingReported:supervisor'))!.body).toBe('TK-2026-0001 青禾餐饮有限公司：提交虚假资料（轻微，行业监管部门报告）');
  });

  test('a finding that is not there is NOT_FOUND', async () => {
    await expect(loadFinding(systemContext(h.deps), 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND', message: '未找到该问题记录' });
  });

  test('a finding’s view carries its visit, its decision’s dates and a recount waiting, only where it has them', () => {
    const plain = toFindingView({ _id: 'f1', _version: 1, ...finding() });
    expect(plain).not.toHaveProperty('followUpId');
    expect(plain).not.toHaveProperty('decision');
    expect(plain).not.toHaveProperty('pendingRecount');
    const decided = toFindingView({
      _id: 'f2', _version: 3, ...finding({
        source: 'followUp', followUpId: '2026-11-c1', status: 'decided',
        decision: { decidedAt: NOW.toISOString(), decidedBy: 'sup', decidedByName: '监督员', reason: '核实', licenceRevoked: false, correctionDeadline: '2027-01-08T16:00:00.000Z', correctionDeadlineProvisional: true },
        pendingRecount: { issued: '2027-01-08T16:00:00.000Z', wouldBe: '2027-01-11T16:00:00.000Z', year: 2027, notedAt: NOW.toISOString() },
      }),
    });
    expect(decided).toMatchObject({
      followUpId: '2026-11-c1',
      decision: { reason: '核实', licenceRevoked: false, correctionDeadline: '2027-01-08T16:00:00.000Z', correctionDeadlineProvisional: true },
      pendingRecount: { issued: '2027-01-08T16:00:00.000Z', wouldBe: '2027-01-11T16:00:00.000Z', year: 2027 },
    });
    expect(decided.decision).not.toHaveProperty('blacklistUntil');
    expect(decided.pendingRecount).not.toHaveProperty('notedAt');
  });

  test('a follow-up is overdue only while open and past its due time', () => {
    const followUp = (patch: Partial<FollowUpRecord>) => toFollowUpView({
      _id: '2026-11-c1', _version: 1, month: '2026-11', caseId: 'c1', caseNumber: 'TK-2026-0001', matterCode: 'M01', matterName: '食品经营许可',
      companyName: '青禾餐饮有限公司', premisesAddress: '示范路1号', status: 'open', dueAt: NOW.toISOString(), createdAt: '2026-12-01T02:00:00.000Z', ...patch,
    }, NOW);
    expect(followUp({}).overdue).toBe(false);
    expect(followUp({ dueAt: '2026-12-04T01:59:59.999Z' }).overdue).toBe(true);
    expect(followUp({ dueAt: '2026-12-04T01:59:59.999Z', status: 'consistent' }).overdue).toBe(false);
    expect(followUp({ dueProvisional: true })).toMatchObject({ dueProvisional: true, statusLabel: '待回访' });
    expect(followUp({})).not.toHaveProperty('dueProvisional');
  });
});
