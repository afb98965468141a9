import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { AT_PREMISES, caseRecord, ELSEWHERE, firstItem, inspectionOf, scheduledCase, startedCase } from '../../support/inspection';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());


describe('starting the inspection', () => {
  test('the handler starts the booked inspection: every checklist item to check and a one-time code to read out', async () => {
    const view = await startedCase(h);
    expect(view).toMatchObject({ state: 'inspecting', stateLabel: '踏勘中', round: 1 });
    expect(view.items.length).toBeGreaterThan(3);
    expect(view.items.every((i) => i.inCurrentRound && i.findings.length === 0)).toBe(true);
    expect(view.sessionCode?.code).toMatch(/^\d{6}$/);
    expect((await caseRecord(h, view.caseId)).rounds).toBe(1);
  });

  test('the code is shown to the handler and observers, never to the applicant who must be told it', async () => {
    const { caseId } = await startedCase(h);
    await forceCase(h, caseId, { observerIds: ['supervisor'] });
    expect((await inspectionOf(h, caseId, 'supervisor')).sessionCode).toBeDefined();
    expect((await inspectionOf(h, caseId, 'applicant')).sessionCode).toBeUndefined();
    expect((await inspectionOf(h, caseId, 'head')).sessionCode).toBeUndefined();
  });

  test('only a booked case can be started, and only by its handler', async () => {
    const caseId = await scheduledCase(h);
    const { version } = await inspectionOf(h, caseId);
    expect(await h.call('otherStaff', 'startInspection', { caseId, version })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await h.ok('staff', 'startInspection', { caseId, version });
    const again = await h.call('staff', 'startInspection', { caseId, version: (await inspectionOf(h, caseId)).version });
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

describe('is it really the premises (R8)', () => {
  test('a phone at the declared premises is not flagged; the distance is kept and shown to the handler', async () => {
    const view = await startedCase(h, AT_PREMISES);
    expect(view.premisesCheck).toMatchObject({ flagged: false, thresholdMeters: 500, accuracyMeters: 30 });
    expect(view.premisesCheck!.distanceMeters).toBeGreaterThan(30);
    expect(view.premisesCheck!.distanceMeters).toBeLessThan(60);
  });

  test('a phone kilometres away is flagged, with the distance in the record', async () => {
    const view = await startedCase(h, ELSEWHERE);
    expect(view.premisesCheck).toMatchObject({ flagged: true, reportedByName: '王芳' });
    expect(view.premisesCheck!.distanceMeters).toBeGreaterThan(2500);
    expect(view.premisesCheck!.note).toContain('超出 500 米阈值');
    expect((await caseRecord(h, view.caseId)).inspections![0]!.premisesChecks[0]).toMatchObject({ flagged: true, location: { latitude: ELSEWHERE.latitude } });
  });

  test('the threshold is configurable', async () => {
    h.deps.config.inspection.premisesThresholdMeters = 5000;
    expect((await startedCase(h, ELSEWHERE)).premisesCheck).toMatchObject({ flagged: false, thresholdMeters: 5000 });
  });

  test('the applicant does not see the check; the office does', async () => {
    const { caseId } = await startedCase(h, ELSEWHERE);
    expect((await inspectionOf(h, caseId, 'applicant')).premisesCheck).toBeUndefined();
    expect((await inspectionOf(h, caseId, 'supervisor')).premisesCheck?.flagged).toBe(true);
  });

  test("the applicant's phone enters the code read out, and its location is checked against the premises", async () => {
    const { caseId, sessionCode } = await startedCase(h);
    const wrong = sessionCode!.code === '000000' ? '111111' : '000000';
    expect(await h.ok('applicant', 'confirmSessionCode', { caseId, code: wrong, location: ELSEWHERE })).toMatchObject({ confirmed: false, message: expect.stringContaining('不正确') });
    expect((await inspectionOf(h, caseId)).premisesCheck).toBeUndefined();
    const spaced = `${sessionCode!.code.slice(0, 3)} ${sessionCode!.code.slice(3)}`;
    expect(await h.ok('applicant', 'confirmSessionCode', { caseId, code: spaced, location: ELSEWHERE })).toMatchObject({ confirmed: true });
    const view = await inspectionOf(h, caseId);
    expect(view.sessionCode?.confirmedAt).toBe(h.clock.now().toISOString());
    expect(view.premisesCheck).toMatchObject({ flagged: true, reportedByName: '张三' });
  });

  test('after five wrong codes the code is void until the handler issues a new one', async () => {
    const { caseId, sessionCode } = await startedCase(h);
    const wrong = sessionCode!.code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await h.ok('applicant', 'confirmSessionCode', { caseId, code: wrong, location: AT_PREMISES });
    const locked = await h.ok('applicant', 'confirmSessionCode', { caseId, code: sessionCode!.code, location: AT_PREMISES });
    expect(locked).toMatchObject({ confirmed: false, message: expect.stringContaining('已失效') });
    const { version } = await inspectionOf(h, caseId);
    const fresh = (await h.ok('staff', 'resumeInspection', { caseId, version, note: '会话码失效' })).sessionCode!.code;
    expect(await h.ok('applicant', 'confirmSessionCode', { caseId, code: fresh, location: AT_PREMISES })).toMatchObject({ confirmed: true });
  });

  test('a code expires after 30 minutes', async () => {
    const { caseId, sessionCode } = await startedCase(h);
    h.clock.advance(31 * 60 * 1000);
    expect(await h.ok('applicant', 'confirmSessionCode', { caseId, code: sessionCode!.code, location: AT_PREMISES })).toMatchObject({ confirmed: false, message: expect.stringContaining('过期') });
  });
});

describe('a dropped call', () => {
  test('resuming is recorded and issues a new code; the old one is no longer accepted', async () => {
    const { caseId, version, sessionCode } = await startedCase(h);
    h.clock.advance(5 * 60 * 1000);
    const view = await h.ok('staff', 'resumeInspection', { caseId, version, note: '申请人网络中断' });
    expect(view.rounds[0]!.resumptions).toEqual([{ at: h.clock.now().toISOString(), note: '申请人网络中断' }]);
    expect(view.sessionCode!.issuedAt).toBe(h.clock.now().toISOString());
    const old = sessionCode!.code;
    if (old !== view.sessionCode!.code) {
      expect(await h.ok('applicant', 'confirmSessionCode', { caseId, code: old, location: AT_PREMISES })).toMatchObject({ confirmed: false });
    }
    expect((await h.ok('applicant', 'getCase', { caseId })).timeline.map((t) => t.actionLabel)).toContain('恢复中断的踏勘');
  });
});

describe('the checklist, item by item', () => {
  test('a finding is saved with the evidence that shows it', async () => {
    const { caseId } = await startedCase(h);
    const itemCode = await firstItem(h, caseId);
    const saved = await h.ok('staff', 'saveChecklistItem', { caseId, itemCode, result: 'nonConforming', note: '门牌与申报地址不一致', revision: 0 });
    expect(saved.finding).toMatchObject({ round: 1, result: 'nonConforming', resultLabel: '不符合', revision: 1, savedByName: '王芳' });
    const item = (await inspectionOf(h, caseId)).items.find((i) => i.code === itemCode)!;
    expect(item.findings).toEqual([saved.finding]);
  });

  test('linked evidence must be in the case\'s chain', async () => {
    const { caseId } = await startedCase(h);
    const r = await h.call('staff', 'saveChecklistItem', { caseId, itemCode: await firstItem(h, caseId), result: 'conforming', evidenceSeqs: [1], revision: 0 });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('第 1 条证据不存在') });
  });

  test('a save from a second device on a revision it has not seen fails with CONFLICT instead of overwriting', async () => {
    const { caseId } = await startedCase(h);
    const itemCode = await firstItem(h, caseId);
    await h.ok('staff', 'saveChecklistItem', { caseId, itemCode, result: 'conforming', revision: 0 });
    await h.ok('staff', 'saveChecklistItem', { caseId, itemCode, result: 'conforming', note: '补充说明', revision: 1 });
    const stale = await h.call('staff', 'saveChecklistItem', { caseId, itemCode, result: 'nonConforming', revision: 1 });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await inspectionOf(h, caseId)).items.find((i) => i.code === itemCode)!.findings[0]).toMatchObject({ note: '补充说明', revision: 2 });
  });

  test('the same value saved again after a dropped connection changes nothing and succeeds', async () => {
    const { caseId } = await startedCase(h);
    const itemCode = await firstItem(h, caseId);
    const first = await h.ok('staff', 'saveChecklistItem', { caseId, itemCode, result: 'conforming', revision: 0 });
    const again = await h.ok('staff', 'saveChecklistItem', { caseId, itemCode, result: 'conforming', revision: 0 });
    expect(again).toEqual(first);
    const retried = await h.ok('staff', 'saveChecklistItem', { caseId, itemCode, result: 'conforming', note: 'x', revision: 1 }, 'request-0001');
    expect(await h.ok('staff', 'saveChecklistItem', { caseId, itemCode, result: 'conforming', note: 'x', revision: 1 }, 'request-0001')).toEqual(retried);
    expect(retried.finding.revision).toBe(2);
  });

  test('items saved at the same moment do not conflict with each other: each lands', async () => {
    const { caseId, items } = await startedCase(h);
    await Promise.all(items.map((i) => h.ok('staff', 'saveChecklistItem', { caseId, itemCode: i.code, result: 'conforming', revision: 0 })));
    const saved = (await inspectionOf(h, caseId)).items;
    expect(saved.every((i) => i.findings.length === 1 && i.findings[0]!.revision === 1)).toBe(true);
  });
});

describe('observer remarks', () => {
  test('an assigned observer adds a remark the office sees and the applicant does not', async () => {
    const { caseId } = await startedCase(h);
    await forceCase(h, caseId, { observerIds: ['supervisor'] });
    await h.ok('supervisor', 'addObserverRemark', { caseId, text: '现场校验码已截图留存' });
    await h.ok('supervisor', 'addObserverRemark', { caseId, text: '现场校验码已截图留存' });
    expect((await inspectionOf(h, caseId)).observerRemarks).toEqual([{ round: 1, at: h.clock.now().toISOString(), observerName: '陈静', text: '现场校验码已截图留存' }]);
    expect((await inspectionOf(h, caseId, 'applicant')).observerRemarks).toBeUndefined();
  });

  test('a supervisor who is not the case\'s observer cannot remark', async () => {
    const { caseId } = await startedCase(h);
    expect(await h.call('supervisor', 'addObserverRemark', { caseId, text: '意见' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
